/** Machine output: the report as one JSON document, findings in stable order. */
import { blockingFindings } from "../../policies/engine/finding.js";
import type { Report } from "../../policies/engine/report.js";
import type { RenderContext } from "../report-options.js";

/** The report as JSON (two-space indent, trailing newline): command, files, findings, the bundle's revision and verification state, and evidence, waivers and undetermined resources when present. Rule metadata is left out; it is in each finding. */
export function render(report: Report, context: RenderContext): string {
  const document = {
    tool: "llmops",
    command: report.command,
    failOn: context.failOn,
    bundle: report.bundle ?? null,
    ...(report.evidence ? { evidence: report.evidence } : {}),
    ...(report.waivers ? { waivers: report.waivers } : {}),
    files: report.files,
    summary: {
      findings: report.findings.length,
      waived: report.findings.filter((finding) => finding.waiver).length,
      blocking: blockingFindings(report.findings, context.failOn).length,
    },
    findings: report.findings,
    undetermined: report.undetermined ?? [],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
