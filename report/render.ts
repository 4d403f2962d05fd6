/** One entry point for the report's output formats; the CLI and the benchmark call it. */
import type { ReportModel } from "./model.js";

export const REPORT_FORMATS = ["html", "json", "markdown", "cyclonedx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders `model` in `format`; each renderer module is imported only when asked for. */
export async function renderReport(model: ReportModel, format: ReportFormat): Promise<string> {
  switch (format) {
    case "html":
      return (await import("./html.js")).renderHtml(model);
    case "json":
      return (await import("./json.js")).renderJson(model);
    case "markdown":
      return (await import("./markdown.js")).renderMarkdown(model);
    case "cyclonedx":
      return (await import("./cyclonedx.js")).renderCycloneDx(model);
  }
}
