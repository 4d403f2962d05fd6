/**
 * The spec validation pipeline shared by `llmops validate` and the stack program:
 * load each file (hardened), report schema violations as findings, and evaluate the spec
 * policies on every document that passed the schema.
 */
import { loadSpecFile, type LoadedSpec } from "../../schemas/load-spec.js";
import { SCHEMA_RULE, compareFindings, type Finding } from "./finding.js";
import type { Report, RuleMetadata } from "./report.js";

/** Evaluates spec policies on a schema-valid document; supplied by the policy engine. */
export interface SpecPolicyEvaluator {
  readonly rules: readonly RuleMetadata[];
  readonly bundle: Report["bundle"];
  evaluateSpec(spec: LoadedSpec): Finding[];
}

/** The spec's schema violations as LLM-SCHEMA-001 findings (critical), each at its JSON Pointer and, when known, line and column. */
export function schemaFindings(spec: LoadedSpec): Finding[] {
  return spec.violations.map((violation) => ({
    id: SCHEMA_RULE.id,
    title: SCHEMA_RULE.title,
    severity: SCHEMA_RULE.severity,
    message: violation.message,
    file: spec.file,
    path: violation.path,
    ...(violation.line === undefined ? {} : { line: violation.line, column: violation.column }),
    remediation: SCHEMA_RULE.remediation,
    frameworks: SCHEMA_RULE.frameworks,
  }));
}

export const SCHEMA_RULE_METADATA: RuleMetadata = SCHEMA_RULE;

/**
 * Validates files in order. An unreadable or malformed file throws InputError: the whole
 * run cannot be trusted, so the caller exits 2 rather than reporting a partial result.
 */
export function validateSpecFiles(files: readonly string[], policies?: SpecPolicyEvaluator): Report {
  const findings = files.flatMap((file) => validateSpecFile(file, policies));
  return {
    command: "validate",
    files,
    rules: [SCHEMA_RULE_METADATA, ...(policies?.rules ?? [])],
    findings: findings.sort(compareFindings),
    ...(policies?.bundle ? { bundle: policies.bundle } : {}),
  };
}

/** Every document of one file: schema violations, or policy findings for a schema-valid one. */
export function validateSpecFile(file: string, policies?: SpecPolicyEvaluator): Finding[] {
  return loadSpecFile(file).flatMap((spec) => validateLoadedSpec(spec, policies));
}

/** The findings for one loaded spec: its schema findings when it has any (policies only see documents that match the schema), otherwise the spec policies' findings, or none without `policies`. */
export function validateLoadedSpec(spec: LoadedSpec, policies?: SpecPolicyEvaluator): Finding[] {
  const schema = schemaFindings(spec);
  // Policies only see documents that match the schema: their input contract is the typed spec.
  if (schema.length > 0 || !policies) return schema;
  return policies.evaluateSpec(spec);
}
