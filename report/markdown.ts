/**
 * The markdown summary, for a pull-request comment or $GITHUB_STEP_SUMMARY (which GitHub caps at
 * 1 MiB a step): one table of framework scores, then at most MAX_FAILING failing controls and the
 * waivers, so it stays a page long whatever the plan's size. Every value from an input is escaped.
 */
import { SEVERITIES } from "../policies/engine/finding.js";
import { escapeMarkdown as m } from "./escape.js";
import type { ReportModel } from "./model.js";

/** Failing controls listed before the rest is summarised as a count. */
export const MAX_FAILING = 15;

/** The report as GitHub-flavoured Markdown: summary, a table per framework with each control's status, findings and evidence; table cells escaped (`|`, newlines). */
export function renderMarkdown(model: ReportModel): string {
  const spec = model.spec;
  const active = model.findings.filter((finding) => finding.waiver === undefined);
  const lines: string[] = [];
  lines.push(`### Compliance report: ${m(spec.metadata.name)} (${m(spec.metadata.environment)})`, "");
  lines.push(
    `${active.length} active findings (${SEVERITIES.map((severity) => `${active.filter((finding) => finding.severity === severity).length} ${severity}`).join(", ")}), ` +
      `${model.findings.length - active.length} waived · plan: ${model.plan.error ? `not available (${m(model.plan.error)})` : `${model.plan.resources} resources, target ${m(model.plan.target)}`} · ` +
      `evidence: ${model.evidence.evaluated ? `${model.evidence.documents.length} document(s)` : "not given"} · bundle \`${m(model.bundle?.revision ?? "none")}\`${model.bundle?.signatureVerified ? " (signed)" : ""}`,
    "",
  );
  lines.push(
    "| Framework | Score | Failed | Needs evidence | Waived | Met | Not covered |",
    "|---|---:|---:|---:|---:|---:|---:|",
  );
  for (const framework of model.frameworks) {
    const c = framework.counts;
    lines.push(
      `| ${m(framework.name)} | ${framework.score === null ? "n/a" : `${framework.score.toFixed(1)}%`} | ${c.failed} | ${c["needs-evidence"]} | ${c.waived} | ${c.met} | ${c["not-covered"]} |`,
    );
  }
  const failing = model.frameworks.flatMap((framework) =>
    framework.controls.filter((control) => control.status === "failed").map((control) => ({ framework, control })),
  );
  if (failing.length > 0) {
    lines.push("", "<details><summary>Failing controls</summary>", "");
    for (const { framework, control } of failing.slice(0, MAX_FAILING)) {
      const ids = [...new Set(control.findings.map((finding) => finding.id))];
      lines.push(
        `- **${m(framework.key)} ${m(control.id)}** ${m(control.title)}: ${ids.map((id) => `\`${m(id)}\``).join(", ")} (${control.findings.length} finding${control.findings.length === 1 ? "" : "s"})`,
      );
    }
    if (failing.length > MAX_FAILING)
      lines.push(`- … and ${failing.length - MAX_FAILING} more failing controls (see the HTML or JSON report)`);
    lines.push("", "</details>");
  }
  if (model.waivers.length > 0) {
    lines.push("", "| Waived check | Reason | Approver | Expires |", "|---|---|---|---|");
    for (const waiver of model.waivers)
      lines.push(
        `| \`${m(waiver.policyId)}\` | ${m(waiver.reason)} | ${m(waiver.approver)} | ${m(waiver.expires)}${waiver.expired ? " (expired)" : ""} |`,
      );
  }
  return `${lines.join("\n")}\n`;
}
