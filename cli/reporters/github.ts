/**
 * GitHub Actions workflow commands: one annotation per finding. A waived finding stays, as a
 * notice whose title says it is waived and whose text carries the waiver (approver, expiry,
 * reason), so an accepted risk remains visible on the pull request without failing it.
 */
import type { Severity } from "../../policies/engine/finding.js";
import type { Report } from "../../policies/engine/report.js";
import type { RenderContext } from "../report-options.js";
import { printable } from "./escape.js";
import { describeUnknowns } from "./pretty.js";
import { provenance } from "./provenance.js";

const COMMAND: Record<Severity, string> = { critical: "error", high: "error", medium: "warning", low: "notice" };

/** GitHub Actions workflow commands, one `::error`/`::warning`/`::notice` line per finding (critical and high are errors, medium warnings, low and waived findings notices), with file, line and column when known, then a notice per undetermined resource; text from inputs escaped so it cannot end the command. */
export function render(report: Report, _context: RenderContext): string {
  const lines = report.findings.map((finding) => {
    const waiver = finding.waiver;
    const properties = [
      finding.file ? `file=${property(finding.file)}` : undefined,
      finding.line === undefined ? undefined : `line=${finding.line}`,
      finding.column === undefined ? undefined : `col=${finding.column}`,
      `title=${property(`${finding.id} ${finding.title}${waiver ? " (waived)" : ""}`)}`,
    ]
      .filter(Boolean)
      .join(",");
    const about = provenance(finding);
    const text = `${finding.message} (at ${finding.path}). ${waiver ? `Waived until ${waiver.expires}, approved by ${waiver.approver}: ${waiver.reason}` : `Fix: ${finding.remediation}`}${about.length > 0 ? ` [${about.join("; ")}]` : ""}`;
    return `::${waiver ? "notice" : COMMAND[finding.severity]} ${properties}::${data(text)}`;
  });
  for (const entry of report.undetermined ?? []) {
    const properties = [
      entry.file ? `file=${property(entry.file)}` : undefined,
      entry.line === undefined ? undefined : `line=${entry.line}`,
      entry.column === undefined ? undefined : `col=${entry.column}`,
      `title=${property("undetermined during preview")}`,
    ]
      .filter(Boolean)
      .join(",");
    lines.push(`::notice ${properties}::${data(`${entry.resource}: ${describeUnknowns(entry.paths)}`)}`);
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/**
 * Escaping from the workflow-commands toolkit: data escapes %, CR, LF; properties also : and ,.
 * Other control characters (ESC colour sequences in a container name) are shown as \u escapes,
 * so input text cannot recolour the log or start a workflow command of its own.
 */
function data(value: string): string {
  return printable(value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

function property(value: string): string {
  return data(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
