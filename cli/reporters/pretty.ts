/** Human output: findings grouped by file, coloured on a TTY (NO_COLOR respected). */
import { styleText } from "node:util";
import { SEVERITIES, blockingFindings, type Finding, type Severity } from "../../policies/engine/finding.js";
import type { Report } from "../../policies/engine/report.js";
import type { RenderContext } from "../report-options.js";
import { printable } from "./escape.js";
import { provenance } from "./provenance.js";

const SEVERITY_STYLE: Record<Severity, Parameters<typeof styleText>[0]> = {
  critical: ["bold", "red"],
  high: "red",
  medium: "yellow",
  low: "cyan",
};

/** Human-readable text: findings grouped by file, sorted by severity, each with its location, id, message and fix; coloured only when the context allows (a TTY without NO_COLOR); control characters from inputs escaped. */
export function render(report: Report, context: RenderContext): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) =>
    context.color ? styleText(style, text) : text;
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const key = printable(finding.file ?? finding.resource ?? "(input)");
    byFile.set(key, [...(byFile.get(key) ?? []), finding]);
  }
  for (const [file, findings] of byFile) {
    for (const finding of findings) {
      // file:line:column first, so terminals and editors can jump to it.
      const where = finding.line === undefined ? file : `${file}:${finding.line}:${finding.column ?? 1}`;
      const waived = finding.waiver
        ? paint("dim", ` (waived until ${printable(finding.waiver.expires)}: ${printable(finding.waiver.reason)})`)
        : "";
      lines.push(
        `${where} ${paint(SEVERITY_STYLE[finding.severity], finding.severity)} ${paint("bold", printable(finding.id))} ${printable(finding.message)}${waived}`,
      );
      const detail = [
        finding.path === "" ? undefined : `at ${printable(finding.path)}`,
        finding.component ? `component ${printable(finding.component)}` : undefined,
        finding.resource ? `resource ${printable(finding.resource)}` : undefined,
        ...provenance(finding).map(printable),
      ]
        .filter(Boolean)
        .join(", ");
      if (detail) lines.push(`    ${paint("dim", detail)}`);
      lines.push(`    ${paint("dim", `fix: ${finding.remediation}`)}`);
    }
    lines.push("");
  }
  for (const entry of report.undetermined ?? []) {
    // As the CrossGuard pack reports them: these values are checked again once they are known.
    const where = printable(
      entry.line === undefined
        ? (entry.file ?? entry.resource)
        : `${entry.file ?? ""}:${entry.line}:${entry.column ?? 1}`,
    );
    lines.push(
      `${where} ${paint("dim", "undetermined")} ${printable(entry.resource)}: ${describeUnknowns(entry.paths)}`,
    );
  }
  if ((report.undetermined ?? []).length > 0) lines.push("");
  lines.push(summary(report, context, paint));
  return `${lines.join("\n")}\n`;
}

/** "could not be evaluated: 2 properties are unknown during preview (/a, /b)", the pack's wording. */
export function describeUnknowns(paths: readonly string[]): string {
  const listed = paths
    .slice(0, 5)
    .map((path) => printable(path || "/"))
    .join(", ");
  return `could not be evaluated: ${paths.length} propert${paths.length === 1 ? "y is" : "ies are"} unknown during preview (${listed}${paths.length > 5 ? ", …" : ""})`;
}

function summary(
  report: Report,
  context: RenderContext,
  paint: (style: Parameters<typeof styleText>[0], text: string) => string,
): string {
  const files = `${report.files.length} file${report.files.length === 1 ? "" : "s"}`;
  const bundle =
    (report.bundle
      ? `, policy bundle ${report.bundle.revision}${report.bundle.signatureVerified ? " (signature verified)" : ""}`
      : "") +
    evidenceLine(report) +
    waiverLine(report);
  const count = report.undetermined?.length ?? 0;
  const undetermined =
    count > 0 ? `; ${count} resource${count === 1 ? "" : "s"} undetermined (unknown during preview)` : "";
  if (report.findings.length === 0) return paint("green", `✔ ${files} checked, no findings${undetermined}${bundle}`);
  const counts = SEVERITIES.map(
    (severity) => [severity, report.findings.filter((f) => f.severity === severity && !f.waiver).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const waived = report.findings.filter((f) => f.waiver).length;
  const blocking = blockingFindings(report.findings, context.failOn).length;
  const parts = [counts.join(", "), waived > 0 ? `${waived} waived` : ""].filter(Boolean).join("; ");
  const mark = blocking > 0 ? paint("red", "✖") : paint("green", "✔");
  return `${mark} ${files} checked: ${parts}; ${blocking} at or above ${context.failOn}${undetermined}${bundle}`;
}

/** The evidence evaluated beside the bundle, or that none was. */
function evidenceLine(report: Report): string {
  if (!report.evidence) return "";
  if (!report.evidence.evaluated) return "; evidence not evaluated";
  const documents = report.evidence.documents.map(
    (d) =>
      `${d.role === "baseline" ? "baseline " : ""}${d.file} (sha256:${d.sha256.slice(0, 12)}…, ${d.producer}${d.signed ? ", signed" : ""})`,
  );
  // File names and producers come from inputs: no control character reaches the terminal.
  return `; evidence: ${documents.join(", ")}`.replace(
    /\p{Cc}/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The waiver file applied, and what it did. */
function waiverLine(report: Report): string {
  const waivers = report.waivers;
  if (!waivers) return "";
  const notes = [
    waivers.expired > 0 ? `${waivers.expired} expired` : "",
    waivers.unused > 0 ? `${waivers.unused} unused` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return `; waivers: ${printable(waivers.file)} (${waivers.entries} entr${waivers.entries === 1 ? "y" : "ies"}, ${waivers.waived} finding${waivers.waived === 1 ? "" : "s"} waived${notes ? `, ${notes}` : ""})`;
}
