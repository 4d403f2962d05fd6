/**
 * Where a finding's check comes from, for every report format (issue 21): an organisation's
 * check names its directory, and an organisation's severity override names the severity the
 * check's METADATA declares, the data file and the reason. Built-in checks without an override
 * say nothing (the JSON format carries `origin` and `override` as fields of the finding).
 */
import type { Finding } from "../../policies/engine/finding.js";

/** Short phrases, e.g. ["origin org-policies", "severity high → low by org.yaml: …"]; empty for built-in checks. */
export function provenance(finding: Pick<Finding, "origin" | "override" | "severity">): string[] {
  const parts: string[] = [];
  if (finding.origin !== undefined) parts.push(`origin ${finding.origin}`);
  if (finding.override?.severityFrom !== undefined)
    parts.push(
      `severity ${finding.override.severityFrom} → ${finding.severity} by ${finding.override.file}: ${finding.override.reason}`,
    );
  return parts;
}
