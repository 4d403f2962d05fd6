/**
 * SARIF 2.1.0 for GitHub code scanning: rules carry help text and a numeric
 * `security-severity`; results carry regions and stable partialFingerprints; waived
 * findings are reported as suppressed rather than dropped.
 *
 * Locations: `artifactLocation.uri` is a percent-encoded URI reference relative to the
 * `%SRCROOT%` base (the git repository root, or --sarif-base), so names with spaces and files
 * outside the working directory resolve; a file outside the base gets an absolute file: URI.
 * GitHub accepts at most 25,000 results a run (docs: "SARIF support for code scanning",
 * upload limits); past that the highest severities are kept and the run says what was left out.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Log, Notification, ReportingDescriptor, Result } from "sarif";
import { SEVERITIES, severityRank, type Finding, type Severity } from "../../policies/engine/finding.js";
import type { Report, RuleMetadata } from "../../policies/engine/report.js";
import type { RenderContext } from "../report-options.js";
import { packageVersion } from "../../schemas/package-root.js";

const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };
const LEVEL: Record<Severity, Result.level> = { critical: "error", high: "error", medium: "warning", low: "note" };
/** GitHub code scanning's limit of results in one run. */
export const MAX_RESULTS_PER_RUN = 25_000;
/** Name shown for standard input; it has no artifact location. */
const STDIN_NAME = "<stdin>";

/** `limit`: results kept in the run (GitHub's limit unless a test passes a smaller one). */
export function render(report: Report, context: RenderContext, limit = MAX_RESULTS_PER_RUN): string {
  const rules = [...new Map([...report.rules, ...rulesOnlyInFindings(report)].map((rule) => [rule.id, rule])).values()];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const base = sarifBase(context.sarifBase);
  // Highest severity first (stable: the report's order within a severity), then cut at the limit.
  const ordered = [...report.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const kept = ordered.slice(0, limit);
  const omitted = Object.fromEntries(
    SEVERITIES.map(
      (severity) => [severity, ordered.slice(limit).filter((finding) => finding.severity === severity).length] as const,
    ).filter(([, count]) => count > 0),
  );
  const omittedTotal = ordered.length - kept.length;
  const notifications: Notification[] = [];
  if (omittedTotal > 0) {
    notifications.push({
      level: "warning",
      message: {
        text: `${omittedTotal} of ${ordered.length} results left out (${Object.entries(omitted)
          .map(([severity, count]) => `${count} ${severity}`)
          .join(
            ", ",
          )}): a run holds at most ${limit} results; higher severities are kept first (critical, high, medium, low). Use --format json for every finding.`,
      },
    });
  }
  for (const entry of report.undetermined ?? []) {
    notifications.push({
      level: "note",
      message: {
        text: `${entry.resource}: could not be evaluated: ${entry.paths.length} value(s) unknown during preview (${entry.paths.slice(0, 5).join(", ")})`,
      },
    });
  }
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "llmops",
            semanticVersion: packageVersion(),
            informationUri: "https://github.com/responsible-llmops/toolkit",
            rules: rules.map(toRule),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(`${base}${sep}`).href } },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results: kept.map((finding) => toResult(finding, ruleIndex.get(finding.id) ?? 0, base)),
        properties: {
          command: report.command,
          ...(omittedTotal > 0 ? { resultsOmitted: omittedTotal, resultsOmittedBySeverity: omitted } : {}),
          ...(report.evidence ? { evidence: report.evidence } : {}),
          ...(report.waivers ? { waivers: report.waivers } : {}),
          ...(report.bundle
            ? {
                bundleRevision: report.bundle.revision,
                bundleDigestsVerified: report.bundle.digestsVerified,
                bundleSignatureVerified: report.bundle.signatureVerified,
              }
            : {}),
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
    ...(finding.origin === undefined ? {} : { origin: finding.origin }),
    ...(finding.override === undefined ? {} : { override: finding.override }),
  }));
}

function toRule(rule: RuleMetadata): ReportingDescriptor {
  const frameworks = Object.entries(rule.frameworks)
    .map(([name, ids]) => `- ${name}: ${ids.join(", ")}`)
    .join("\n");
  return {
    id: rule.id,
    name: rule.title.replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) =>
      next ? next.toUpperCase() : "",
    ),
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
      tags: [
        "security",
        "responsible-ai",
        ...Object.entries(rule.frameworks).flatMap(([name, ids]) => ids.map((id) => `${name}/${id}`)),
      ],
      frameworks: rule.frameworks,
      ...(rule.origin === undefined ? {} : { origin: rule.origin }),
      ...(rule.override === undefined ? {} : { override: rule.override }),
    },
  };
}

/**
 * The directory %SRCROOT% stands for: --sarif-base, else the git work tree holding the working
 * directory (`git rev-parse --show-toplevel`), else the working directory.
 */
export function sarifBase(configured: string | undefined): string {
  if (configured !== undefined) return resolve(configured);
  const git = spawnSync("git", ["rev-parse", "--show-toplevel"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const top = git.status === 0 ? git.stdout.trim() : "";
  return top === "" ? process.cwd() : resolve(top);
}

/**
 * A file's location for SARIF: a percent-encoded relative reference under `base` (with
 * uriBaseId %SRCROOT%), or an absolute file: URI for a file outside it. Each path segment is
 * percent-encoded (RFC 3986), so spaces, `#` and `%` in names survive.
 */
export function artifactLocation(file: string, base: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(file);
  const path = relative(base, absolute);
  if (path === "" || path.startsWith("..") || isAbsolute(path)) return { uri: pathToFileURL(absolute).href };
  return { uri: path.split(sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}

function toResult(finding: Finding, ruleIndex: number, base: string): Result {
  const file = finding.file;
  const artifact = file === undefined || file === STDIN_NAME ? undefined : artifactLocation(file, base);
  const result: Result = {
    ruleId: finding.id,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: `${finding.message}${finding.path ? ` (at ${finding.path})` : ""}` },
    locations: [
      {
        ...(artifact === undefined
          ? {}
          : {
              physicalLocation: {
                artifactLocation: artifact,
                ...(finding.line === undefined
                  ? {}
                  : { region: { startLine: finding.line, startColumn: finding.column ?? 1 } }),
              },
            }),
        ...(finding.resource ? { logicalLocations: [{ fullyQualifiedName: finding.resource, kind: "resource" }] } : {}),
      },
    ],
    // Stable across runs and line moves: the check, the file and the JSON Pointer.
    partialFingerprints: {
      "llmopsFinding/v1": createHash("sha256")
        .update(`${finding.id}|${artifact?.uri ?? file ?? "(input)"}|${finding.path}|${finding.resource ?? ""}`)
        .digest("hex")
        .slice(0, 32),
    },
    properties: {
      path: finding.path,
      severity: finding.severity,
      remediation: finding.remediation,
      ...(finding.origin === undefined ? {} : { origin: finding.origin }),
      ...(finding.override === undefined ? {} : { override: finding.override }),
    },
  };
  if (finding.waiver) {
    result.suppressions = [
      {
        kind: "external",
        status: "accepted",
        justification: `${finding.waiver.reason} (approved by ${finding.waiver.approver}, expires ${finding.waiver.expires})`,
      },
    ];
  }
  return result;
}
