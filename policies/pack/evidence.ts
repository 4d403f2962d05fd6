/**
 * The CrossGuard pack's evidence decision: the same LLM-EVID checks, on the same spec and
 * evidence, with the same rule for a production spec given no evidence (prepareGateEvidence), as
 * the stack program and `llmops plan --evidence`. CrossGuard shows a pack no stack config, so the
 * pack reads its own config (`pulumi preview --policy-pack policies/pack --policy-pack-config
 * pack-config.json`) on the policy `llmops-evidence`: `{ spec, evidence?, baseline?, evidenceKey?,
 * asOf?, failOn? }`, the counterparts of llmops:spec, llmops:evidence, llmops:baseline,
 * llmops:evidenceKey, llmops:evidenceAsOf and llmops:failOn. Relative paths resolve against the
 * directory `pulumi` runs in (`$PWD`, which the pack's process inherits).
 */
import { isAbsolute, resolve } from "node:path";
import type { PolicyConfigSchema } from "@pulumi/policy";
import { prepareGateEvidence } from "../../evidence/gate-input.js";
import { loadSpecFile } from "../../schemas/load-spec.js";
import type { LLMOpsStack } from "../../schemas/spec-schema.js";
import type { PolicyEngine } from "../engine/engine.js";
import { SEVERITIES, blockingFindings, type Finding, type Severity } from "../engine/finding.js";
import { specPoliciesFrom } from "../engine/spec-policies.js";
import { validateLoadedSpec } from "../engine/validate-specs.js";

/** The mandatory policy: evidence findings that refuse the deploy (gate: block). Carries the config. */
export const EVIDENCE_POLICY = "llmops-evidence";
/** The advisory policy: evidence findings under the threshold (gate: warn, LLM-EVID-009). */
export const EVIDENCE_ADVISORY_POLICY = "llmops-evidence-advisory";

/** The `llmops-evidence` policy config. */
export interface PackEvidenceConfig {
  readonly spec?: string;
  readonly evidence?: readonly string[];
  readonly baseline?: readonly string[];
  readonly evidenceKey?: string;
  readonly asOf?: string;
  readonly failOn?: Severity;
}

const files = { type: "array", items: { type: "string", maxLength: 4096 }, maxItems: 64 } as const;

/** CrossGuard config schema of `llmops-evidence`. */
export const EVIDENCE_CONFIG_SCHEMA: PolicyConfigSchema = {
  properties: {
    spec: { type: "string", maxLength: 4096, description: "The spec file the stack deploys (llmops:spec)" },
    evidence: { ...files, description: "EvaluationEvidence files (llmops:evidence)" },
    baseline: { ...files, description: "Evidence of the model now in production (llmops:baseline)" },
    evidenceKey: {
      type: "string",
      maxLength: 4096,
      description: "PEM public key: only DSSE-signed evidence (llmops:evidenceKey)",
    },
    asOf: {
      type: "string",
      maxLength: 40,
      description: "RFC 3339 time evidence ages are measured at (llmops:evidenceAsOf)",
    },
    failOn: {
      type: "string",
      enum: [...SEVERITIES],
      description: "Findings at or above this are mandatory violations (llmops:failOn); default high",
    },
  },
};

/** The decision: `blocking` refuse the deploy (mandatory), `advisory` are reported. */
export interface EvidenceDecision {
  readonly evaluated: boolean;
  /** Why nothing was evaluated (no spec configured). */
  readonly reason?: string;
  readonly blocking: readonly Finding[];
  readonly advisory: readonly Finding[];
  /** The production spec was given no evidence at all. */
  readonly noneGiven: boolean;
  /**
   * The configured spec document (schema defaults applied), when one was: the pack's runtime
   * checks read it as input.spec and apply its current exceptions, as `llmops plan` does.
   */
  readonly spec?: LLMOpsStack;
}

const fromCwd = (file: string, base: string) => (isAbsolute(file) ? file : resolve(base, file));

/**
 * Evaluates the spec's evidence checks as the stack program's gate does and splits the LLM-EVID
 * findings at `failOn` (default high).
 * @param base directory relative paths resolve against. @default process.env.PWD or the working directory
 * @throws InputError, EvidenceSignatureError, EvidenceUsageError for unreadable or untrusted inputs (the pack fails closed)
 */
export async function evidenceDecision(
  engine: PolicyEngine,
  config: PackEvidenceConfig,
  base = process.env.PWD ?? process.cwd(),
): Promise<EvidenceDecision> {
  if (!config.spec)
    return {
      evaluated: false,
      reason: `no spec configured: give the ${EVIDENCE_POLICY} policy its config (spec, evidence) with --policy-pack-config; without it the runtime checks that tie the spec's declared controls to what is built (input.spec) find nothing`,
      blocking: [],
      advisory: [],
      noneGiven: false,
    };
  const documents = loadSpecFile(fromCwd(config.spec, base));
  if (documents.length !== 1)
    throw new Error(`${config.spec}: expected exactly one spec document, found ${documents.length}`);
  const spec = documents[0]!;
  const prepared = await prepareGateEvidence(
    {
      evidence: config.evidence?.map((file) => fromCwd(file, base)),
      baseline: config.baseline?.map((file) => fromCwd(file, base)),
      evidenceKey: config.evidenceKey === undefined ? undefined : fromCwd(config.evidenceKey, base),
      asOf: config.asOf,
    },
    spec.value.metadata.environment,
  );
  const findings = validateLoadedSpec(spec, specPoliciesFrom(engine, undefined, prepared.extraInput)).filter(
    (finding) => finding.id.startsWith("LLM-EVID-"),
  );
  const blocking = blockingFindings(findings, config.failOn ?? "high");
  return {
    evaluated: prepared.report.evaluated,
    blocking,
    advisory: findings.filter((finding) => !blocking.includes(finding)),
    noneGiven: prepared.noneGiven,
    spec: spec.value,
  };
}
