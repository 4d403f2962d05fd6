/**
 * SARIF 2.1.0 for GitHub code scanning: rules carry help text and a numeric
 * `security-severity`; results carry regions and stable partialFingerprints; waived
 * findings are reported as suppressed rather than dropped.
 */
import { createHash } from "node:crypto";
import { relative, isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { Log, ReportingDescriptor, Result } from "sarif";
import type { Finding, Severity } from "../../policies/engine/finding.js";
import type { Report, RuleMetadata } from "../../policies/engine/report.js";
import type { RenderContext } from "../report-options.js";

const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };
const LEVEL: Record<Severity, Result.level> = { critical: "error", high: "error", medium: "warning", low: "note" };
const TOOL_VERSION = "0.1.0";

export function render(report: Report, _context: RenderContext): string {
  const rules = [...new Map([...report.rules, ...rulesOnlyInFindings(report)].map((rule) => [rule.id, rule])).values()];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "llmops",
            semanticVersion: TOOL_VERSION,
            informationUri: "https://github.com/responsible-llmops/toolkit",
            rules: rules.map(toRule),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(`${process.cwd()}/`).href } },
        results: report.findings.map((finding) => toResult(finding, ruleIndex.get(finding.id) ?? 0)),
        properties: {
          command: report.command,
          ...(report.evidence ? { evidence: report.evidence } : {}),
          ...(report.bundle ? { bundleRevision: report.bundle.revision, bundleDigestsVerified: report.bundle.digestsVerified, bundleSignatureVerified: report.bundle.signatureVerified } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function rulesOnlyInFindings(report: Report): RuleMetadata[] {
  return report.findings.map((finding) => ({
    id: finding.id,
    title: finding.title,
    description: finding.title,
    severity: finding.severity,
    remediation: finding.remediation,
    frameworks: finding.frameworks,
  }));
}

function toRule(rule: RuleMetadata): ReportingDescriptor {
  const frameworks = Object.entries(rule.frameworks).map(([name, ids]) => `- ${name}: ${ids.join(", ")}`).join("\n");
  return {
    id: rule.id,
    name: rule.title.replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => (next ? next.toUpperCase() : "")),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.description}\n\nRemediation: ${rule.remediation}`,
      markdown: `${rule.description}\n\n**Remediation:** ${rule.remediation}\n\n**Frameworks**\n${frameworks}`,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      "security-severity": SECURITY_SEVERITY[rule.severity],
      severity: rule.severity,
      precision: "very-high",
      tags: ["security", "responsible-ai", ...Object.entries(rule.frameworks).flatMap(([name, ids]) => ids.map((id) => `${name}/${id}`))],
      frameworks: rule.frameworks,
    },
  };
}

function artifactUri(file: string): string {
  const path = isAbsolute(file) ? relative(process.cwd(), file) : file;
  return path.split("\\").join("/");
}

function toResult(finding: Finding, ruleIndex: number): Result {
  const file = finding.file ?? "(input)";
  const result: Result = {
    ruleId: finding.id,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: `${finding.message}${finding.path ? ` (at ${finding.path})` : ""}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(file), uriBaseId: "%SRCROOT%" },
          ...(finding.line === undefined ? {} : { region: { startLine: finding.line, startColumn: finding.column ?? 1 } }),
        },
        ...(finding.resource ? { logicalLocations: [{ fullyQualifiedName: finding.resource, kind: "resource" }] } : {}),
      },
    ],
    // Stable across runs and line moves: the check, the file and the JSON Pointer.
    partialFingerprints: { "llmopsFinding/v1": createHash("sha256").update(`${finding.id}|${artifactUri(file)}|${finding.path}|${finding.resource ?? ""}`).digest("hex").slice(0, 32) },
    properties: { path: finding.path, severity: finding.severity, remediation: finding.remediation },
  };
  if (finding.waiver) {
    result.suppressions = [{ kind: "external", status: "accepted", justification: `${finding.waiver.reason} (approved by ${finding.waiver.approver}, expires ${finding.waiver.expires})` }];
  }
  return result;
}
