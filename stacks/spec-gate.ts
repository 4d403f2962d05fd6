/**
 * The gate in front of every deployment: load the spec (hardened), validate it against the
 * schema and the spec policies, and refuse, before a single resource is registered, when
 * anything at or above the threshold is found. The error lists every blocking finding.
 */
import { loadSpecFile } from "../schemas/load-spec.js";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import { SEVERITIES, blockingFindings, type Finding, type Severity } from "../policies/engine/finding.js";
import { validateLoadedSpec } from "../policies/engine/validate-specs.js";
import { defaultBundleDir, specPoliciesFrom } from "../policies/engine/spec-policies.js";
import type { BundleInfo, EvidenceReport } from "../policies/engine/report.js";
import { PolicyEngine } from "../policies/engine/engine.js";
import { prepareEvidence, type EvidenceFlags } from "../evidence/gate-input.js";

export class SpecRejectedError extends Error {
  readonly userFacing = true as const;
  constructor(readonly file: string, readonly findings: readonly Finding[], reason?: string) {
    super(
      reason ? `${file}: ${reason}; nothing was deployed` : `${file} does not pass the spec policies; nothing was deployed:\n` +
        findings.map((finding) => `  ${finding.file ?? file}:${finding.line ?? 0}:${finding.column ?? 0} ${finding.severity} ${finding.id} ${finding.message} (at ${finding.path})\n    fix: ${finding.remediation}`).join("\n"),
    );
    this.name = "SpecRejectedError";
  }
}

export interface GatedSpec {
  readonly spec: LLMOpsStack;
  readonly findings: readonly Finding[];
  readonly bundle: BundleInfo | undefined;
  /** The loaded, verified engine, for runtime checks on what the spec produces. */
  readonly engine: PolicyEngine;
  /** The evidence evaluated with the spec (LLM-EVID checks), or that none was. */
  readonly evidence: EvidenceReport;
}

/**
 * Loads and judges the spec; with evidence flags (`plan --evidence`, stack config
 * `llmops:evidence`) the LLM-EVID checks run on the same decision, so failing or missing evidence
 * under `gate: block` refuses the deploy here, before any resource is registered, and
 * `gate: warn` problems (LLM-EVID-009, medium) are reported without blocking at the default threshold.
 * @throws SpecRejectedError; InputError or EvidenceSignatureError for unreadable or untrusted inputs
 */
export async function gateSpec(file: string, options: { failOn?: Severity; bundleDir?: string; evidence?: EvidenceFlags } = {}): Promise<GatedSpec> {
  // An unknown threshold would let everything through; refuse it instead.
  if (options.failOn !== undefined && !SEVERITIES.includes(options.failOn)) {
    throw new SpecRejectedError(file, [], `failOn must be one of ${SEVERITIES.join(", ")}; got ${String(options.failOn)}`);
  }
  const documents = loadSpecFile(file);
  if (documents.length !== 1) throw new SpecRejectedError(file, [], `expected exactly one spec document, found ${documents.length}`);
  const document = documents[0]!;
  const evidence = await prepareEvidence(options.evidence ?? {});
  const policies = specPoliciesFrom(await PolicyEngine.load(options.bundleDir ?? defaultBundleDir()), undefined, evidence.extraInput);
  const findings = validateLoadedSpec(document, policies);
  const blocking = blockingFindings(findings, options.failOn ?? "high");
  if (blocking.length > 0) throw new SpecRejectedError(file, blocking);
  return { spec: document.value, findings, bundle: policies.bundle, engine: policies.engine, evidence: evidence.report };
}
