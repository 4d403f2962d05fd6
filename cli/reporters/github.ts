/** GitHub Actions workflow commands: one annotation per active finding. */
import type { Severity } from "../../policies/engine/finding.js";
import type { Report } from "../../policies/engine/report.js";
import type { RenderContext } from "../report-options.js";

const COMMAND: Record<Severity, string> = { critical: "error", high: "error", medium: "warning", low: "notice" };

export function render(report: Report, _context: RenderContext): string {
  const lines = report.findings
    .filter((finding) => !finding.waiver)
    .map((finding) => {
      const properties = [
        finding.file ? `file=${property(finding.file)}` : undefined,
        finding.line === undefined ? undefined : `line=${finding.line}`,
        finding.column === undefined ? undefined : `col=${finding.column}`,
        `title=${property(`${finding.id} ${finding.title}`)}`,
      ].filter(Boolean).join(",");
      return `::${COMMAND[finding.severity]} ${properties}::${data(`${finding.message} (at ${finding.path}). Fix: ${finding.remediation}`)}`;
    });
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/** Escaping from the workflow-commands toolkit: data escapes %, CR, LF; properties also : and ,. */
function data(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(value: string): string {
  return data(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
