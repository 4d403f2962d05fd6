/**
 * The finding contract shared by every command and every output format.
 * Rego emits id, message, path and resource; the rest is joined from the catalog.
 */
export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type FrameworkMappings = Readonly<Record<string, readonly string[]>>;

export interface Waiver {
  readonly reason: string;
  readonly approver: string;
  readonly expires: string;
}

/**
 * An organisation's override of a check, recorded in the catalogue and carried by its findings:
 * the check is disabled (its findings are dropped), or its severity was changed from `severityFrom`.
 */
export interface CheckOverride {
  readonly disabled?: true;
  /** The severity the check's METADATA declares, when the override changed it. */
  readonly severityFrom?: Severity;
  readonly reason: string;
  /** The --data file that declared the override, as given to `llmops policy build`. */
  readonly file: string;
}

export interface Finding {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string;
  /** JSON Pointer into the evaluated document. */
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  readonly resource?: string;
  /** Component path of the resource (plans): the enclosing components, root first. */
  readonly component?: string;
  readonly remediation: string;
  readonly frameworks: FrameworkMappings;
  readonly waiver?: Waiver;
  /** The organisation directory of the check; absent for built-in checks. */
  readonly origin?: string;
  /** The organisation's override of the check's severity, when there is one. */
  readonly override?: CheckOverride;
}

/** Severity rank: higher is worse. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** True when `severity` is `threshold` or more severe (critical > high > medium > low). */
export function isAtOrAbove(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}

/** Findings that decide the exit code: active (not waived) and at or above the threshold. */
export function blockingFindings(findings: readonly Finding[], failOn: Severity): Finding[] {
  return findings.filter((finding) => finding.waiver === undefined && isAtOrAbove(finding.severity, failOn));
}

/** Stable order for every report: file, line, column, id, path. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file ?? "").localeCompare(b.file ?? "") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.id.localeCompare(b.id) ||
    a.path.localeCompare(b.path)
  );
}

/** The id and metadata under which schema violations are reported. */
export const SCHEMA_RULE = {
  id: "LLM-SCHEMA-001",
  title: "Spec conforms to the llmops/v1alpha1 schema",
  severity: "critical" as Severity,
  description: "The spec must match the published JSON Schema; a spec that does not cannot be deployed.",
  remediation:
    "Fix the field named in the message; run `llmops schema` for the schema, or use an editor with the yaml-language-server $schema line.",
  frameworks: { "nist-ai-rmf": ["GOVERN 1.4"], "iso-42001": ["A.6.2.2"] } as FrameworkMappings,
};
