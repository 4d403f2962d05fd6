/**
 * The HTML report: one self-contained file (inline CSS and SVG; no script, no external URL is
 * loaded — links to a framework's source document are plain anchors). Sections: a summary per
 * framework with its score, then one `<section class="framework">` per framework with the
 * failing controls first; the architecture picture; the declared controls beside what was built
 * and checked; evidence; waivers; the policy bundle and its signature status. Every value from an
 * input is escaped (escape.ts).
 */
import { SEVERITIES, type Finding } from "../policies/engine/finding.js";
import { escapeHtml as e } from "./escape.js";
import type { ControlResult, ControlStatus, FrameworkResult, ReportModel } from "./model.js";
import { NODE_COLOURS, renderArchitectureSvg } from "./svg.js";

const STATUS_TEXT: Readonly<Record<ControlStatus, string>> = {
  failed: "failed",
  "needs-evidence": "needs evidence",
  waived: "waived",
  met: "met",
  "not-covered": "not covered",
};

const CSS = `
:root{--fg:#0f172a;--muted:#475569;--line:#e2e8f0;--bg:#fff}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1200px;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:14px 0 6px}
.meta{color:var(--muted)}table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}th{background:#f8fafc;font-weight:600}
.status{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap}
.s-failed{background:#fee2e2;color:#991b1b}.s-needs-evidence{background:#fef3c7;color:#92400e}.s-waived{background:#e0e7ff;color:#3730a3}.s-met{background:#dcfce7;color:#166534}.s-not-covered{background:#f1f5f9;color:#475569}
.sev{font-weight:600}.sev-critical{color:#b91c1c}.sev-high{color:#c2410c}.sev-medium{color:#a16207}.sev-low{color:#1d4ed8}
.score{font-size:20px;font-weight:700}.bar{height:8px;background:#f1f5f9;border-radius:4px;overflow:hidden;min-width:120px}.bar>span{display:block;height:100%;background:#16a34a}
ul.findings{margin:4px 0;padding-left:18px}code{font:12px ui-monospace,"DejaVu Sans Mono",monospace;background:#f1f5f9;padding:0 3px;border-radius:3px;word-break:break-all}
.arch{overflow-x:auto;border:1px solid var(--line);border-radius:6px;padding:8px}.architecture .node-label{font:600 12px system-ui,"DejaVu Sans",sans-serif;fill:#fff}.architecture .node-detail{font:11px system-ui,"DejaVu Sans",sans-serif;fill:#f8fafc}
.legend span{display:inline-block;margin-right:12px}.legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:4px;vertical-align:-2px}
details>summary{cursor:pointer;color:var(--muted)}
`;

/** A self-contained HTML page of the report (inline CSS and SVG, no scripts, no external requests): summary, framework coverage per control, findings, evidence and the architecture diagram; every value from inputs HTML-escaped. */
export function renderHtml(model: ReportModel): string {
  const spec = model.spec;
  const title = `Compliance report: ${spec.metadata.name} (${spec.metadata.environment})`;
  const body = [
    `<header><h1>${e(title)}</h1><p class="meta">Spec <code>${e(model.file)}</code> · owner ${e(spec.metadata.owner.team)} · pattern ${e(spec.spec.pattern)} · risk tier ${e(spec.spec.useCase.riskTier)} · target ${e(model.plan.target)} · policy bundle <code>${e(model.bundle?.revision ?? "none")}</code> (${e(signatureText(model))})</p></header>`,
    summarySection(model),
    architectureSection(model),
    ...model.frameworks.map(frameworkSection),
    declaredSection(model),
    evidenceSection(model),
    waiverSection(model),
    bundleSection(model),
  ].join("\n");
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${e(title)}</title><style>${CSS}</style></head><body>\n${body}\n</body></html>\n`
  );
}

function signatureText(model: ReportModel): string {
  if (!model.bundle) return "no bundle";
  return `${model.bundle.digestsVerified ? "digests verified" : "digests NOT verified"}, ${model.bundle.signatureVerified ? "signature verified" : "unsigned or no verification key"}`;
}

function statusBadge(status: string): string {
  return `<span class="status s-${e(status)}">${e((STATUS_TEXT as Readonly<Record<string, string>>)[status] ?? status)}</span>`;
}

function summarySection(model: ReportModel): string {
  const active = model.findings.filter((finding) => finding.waiver === undefined);
  const bySeverity = SEVERITIES.map(
    (severity) =>
      `<span class="sev sev-${severity}">${active.filter((finding) => finding.severity === severity).length} ${severity}</span>`,
  ).join(" · ");
  const rows = model.frameworks
    .map(
      (framework) =>
        `<tr><td><a href="#fw-${e(framework.key)}">${e(framework.name)}</a></td><td>${scoreCell(framework)}</td>` +
        `${(["failed", "needs-evidence", "waived", "met", "not-covered"] as const).map((status) => `<td>${framework.counts[status]}</td>`).join("")}</tr>`,
    )
    .join("");
  return (
    `<section id="summary"><h2>Summary</h2><p>${active.length} active findings (${bySeverity}); ${model.findings.length - active.length} waived. ` +
    `Plan: ${model.plan.error ? `<strong>not available</strong> (${e(model.plan.error)}); runtime checks did not run` : `${model.plan.resources} resources (${e(model.plan.source === "offline" ? "planned offline under Pulumi mocks" : `from ${model.plan.source}`)})`}. ` +
    `Evidence: ${model.evidence.evaluated ? `${model.evidence.documents.length} document(s) evaluated` : "none given: evidence checks did not run"}.</p>` +
    `<table><thead><tr><th>Framework</th><th>Score (met of covered)</th><th>Failed</th><th>Needs evidence</th><th>Waived</th><th>Met</th><th>Not covered</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function scoreCell(framework: FrameworkResult): string {
  if (framework.score === null) return `<span class="meta">no control covered</span>`;
  return `<span class="score">${framework.score.toFixed(1)}%</span><div class="bar"><span style="width:${framework.score}%"></span></div>`;
}

function frameworkSection(framework: FrameworkResult): string {
  const covered = framework.controls.filter((control) => control.status !== "not-covered");
  const uncovered = framework.controls.filter((control) => control.status === "not-covered");
  return (
    `<section class="framework" id="fw-${e(framework.key)}" data-framework="${e(framework.key)}"><h2>${e(framework.name)}</h2>` +
    `<p class="meta">${e(framework.version)} · <a href="${e(framework.source)}" rel="noreferrer">source</a> · score ${framework.score === null ? "n/a" : `${framework.score.toFixed(1)}%`}</p>` +
    `<table><thead><tr><th>Status</th><th>Control</th><th>Checks</th><th>Details</th></tr></thead><tbody>${covered.map(controlRow).join("")}</tbody></table>` +
    (uncovered.length > 0
      ? `<details class="uncovered"><summary>${uncovered.length} controls not covered by any check that ran</summary><ul>${uncovered.map((control) => `<li><code>${e(control.id)}</code> ${e(control.title)}</li>`).join("")}</ul></details>`
      : "") +
    `</section>`
  );
}

function controlRow(control: ControlResult): string {
  const details: string[] = [];
  if (control.findings.length > 0)
    details.push(
      `<ul class="findings">${control.findings.slice(0, 20).map(findingItem).join("")}${control.findings.length > 20 ? `<li>… ${control.findings.length - 20} more</li>` : ""}</ul>`,
    );
  if (control.needsEvidence.length > 0)
    details.push(
      `<div class="needs-evidence">evidence checks not run: ${control.needsEvidence.map((id) => `<code>${e(id)}</code>`).join(" ")}</div>`,
    );
  if (control.waived.length > 0) {
    details.push(
      `<ul class="waived">${control.waived
        .slice(0, 20)
        .map(
          (finding) =>
            `<li><code>${e(finding.id)}</code> ${e(finding.message)} — waived: ${e(finding.waiver!.reason)}; approver ${e(finding.waiver!.approver)}; expires ${e(finding.waiver!.expires)}</li>`,
        )
        .join("")}</ul>`,
    );
  }
  return (
    `<tr class="control" data-status="${e(control.status)}" data-control="${e(control.id)}"><td>${statusBadge(control.status)}</td><td><code>${e(control.id)}</code> ${e(control.title)}</td>` +
    `<td>${control.checks.map((id) => `<code>${e(id)}</code>`).join(" ")}</td><td>${details.join("")}</td></tr>`
  );
}

function findingItem(finding: Finding): string {
  const where = finding.resource
    ? ` on <code>${e(finding.resource.slice(finding.resource.lastIndexOf("::") + 2))}</code>`
    : finding.line
      ? ` at ${e(finding.file ?? "")}:${finding.line}`
      : "";
  return `<li><span class="sev sev-${e(finding.severity)}">${e(finding.severity)}</span> <code>${e(finding.id)}</code> ${e(finding.message)}${where}</li>`;
}

function architectureSection(model: ReportModel): string {
  const legend = Object.entries(NODE_COLOURS)
    .map(
      ([key, colour]) =>
        `<span><i style="background:${colour}"></i>${e(key === "none" ? "no finding" : key === "external" ? "outside the plan" : `worst: ${key}`)}</span>`,
    )
    .join("");
  const picture =
    model.architecture.nodes.length > 1
      ? renderArchitectureSvg(model.architecture)
      : `<p class="meta">No planned resources to draw${model.plan.error ? `: ${e(model.plan.error)}` : ""}.</p>`;
  return (
    `<section id="architecture"><h2>Architecture</h2><p class="meta">Planned components (${model.plan.resources} resources), coloured by their worst active finding. ` +
    `Flows: solid = request path (user → gateway → guardrails → model server); violet dashes = retrieval; blue dots = records to the audit and feedback stores; red = egress.</p>` +
    `<p class="legend">${legend}</p><div class="arch">${picture}</div></section>`
  );
}

function declaredSection(model: ReportModel): string {
  const rows = model.declared
    .map(
      (control) =>
        `<tr data-declared="${e(control.name)}"><td>${e(control.name)}</td><td>${e(control.declared)}</td><td>${control.builtBy.map((name) => `<code>${e(name)}</code>`).join(" ") || "—"}</td>` +
        `<td>${control.checks.map((id) => `<code>${e(id)}</code>`).join(" ")}</td><td>${statusBadge(control.status === "not-built" ? "failed" : control.status === "not-declared" ? "not-covered" : control.status)}${control.status === "not-built" ? " not built" : ""}</td></tr>`,
    )
    .join("");
  return `<section id="declared"><h2>Declared, built, checked</h2><table><thead><tr><th>Control</th><th>Declared in the spec</th><th>Built by</th><th>Checked by</th><th>Outcome</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function evidenceSection(model: ReportModel): string {
  if (!model.evidence.evaluated)
    return `<section id="evidence"><h2>Evidence</h2><p>No evaluation evidence was given, so the evidence checks did not run; the controls they map to show as <em>needs evidence</em>.</p></section>`;
  const rows = model.evidence.documents
    .map(
      (document) =>
        `<tr><td>${e(document.role)}</td><td><code>${e(document.file)}</code></td><td>${e(document.model)} <code>${e(document.modelDigest)}</code></td><td>${e(document.dataset)}</td><td>${e(document.producer)}</td><td>${e(document.producedAt)}</td><td>${document.signed ? "DSSE verified" : "unsigned"}</td><td><code>${e(document.sha256.slice(0, 16))}</code></td></tr>`,
    )
    .join("");
  const failing = model.findings.filter((finding) => finding.id.startsWith("LLM-EVID-"));
  return (
    `<section id="evidence"><h2>Evidence</h2><table><thead><tr><th>Role</th><th>File</th><th>Model</th><th>Dataset</th><th>Producer</th><th>Produced</th><th>Signature</th><th>sha256</th></tr></thead><tbody>${rows}</tbody></table>` +
    (failing.length > 0
      ? `<h3>Evidence findings</h3><ul class="findings">${failing.map(findingItem).join("")}</ul>`
      : `<p>Every evidence check passed.</p>`) +
    `</section>`
  );
}

function waiverSection(model: ReportModel): string {
  if (model.waivers.length === 0) return `<section id="waivers"><h2>Waivers</h2><p>No waivers.</p></section>`;
  const rows = model.waivers
    .map(
      (waiver) =>
        `<tr data-waiver="${e(waiver.policyId)}"><td><code>${e(waiver.policyId)}</code></td><td>${e(waiver.reason)}</td><td>${e(waiver.approver)}</td><td>${e(waiver.expires)}${waiver.expired ? " <strong>(expired)</strong>" : ""}</td><td>${e(waiver.source)}</td><td>${waiver.matched}</td></tr>`,
    )
    .join("");
  return `<section id="waivers"><h2>Waivers</h2><table><thead><tr><th>Check</th><th>Reason</th><th>Approver</th><th>Expires</th><th>Source</th><th>Findings waived</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function bundleSection(model: ReportModel): string {
  const ran = model.checks.filter((check) => check.ran).length;
  return (
    `<section id="bundle"><h2>Policy bundle</h2><p>Revision <code>${e(model.bundle?.revision ?? "none")}</code>: ${e(signatureText(model))}. ${ran} of ${model.checks.length} checks ran; ` +
    `the others did not apply (${e([...new Set(model.checks.filter((check) => !check.ran).map((check) => check.reason ?? ""))].join("; ") || "none")}).</p></section>`
  );
}
