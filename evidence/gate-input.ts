/**
 * From evidence flags to what the spec policies need: the extra policy input
 * (`input.evidence`, `input.baseline`) and the report's evidence section. Shared by
 * `llmops validate`, `llmops plan` and the stack program, so every gate reads evidence the same way.
 */
import { readFileSync } from "node:fs";
import {
  EVIDENCE_NOT_EVALUATED,
  evidenceReport,
  policyDocuments,
  readEvidence,
  type EvidenceReport,
} from "./evidence-set.js";
import { EvidenceSignatureError } from "./dsse.js";
import { UserFacingError } from "../schemas/user-facing-error.js";

export interface EvidenceFlags {
  /** Evidence files (native YAML/JSON or DSSE envelopes). */
  readonly evidence?: readonly string[] | undefined;
  /** Evidence of the model now in production, for regression checks. */
  readonly baseline?: readonly string[] | undefined;
  /** PEM public key file: only DSSE envelopes that verify with it are accepted. */
  readonly evidenceKey?: string | undefined;
  /** RFC 3339 time the ages are measured at. @default the current time */
  readonly asOf?: string | undefined;
}

export interface PreparedEvidence {
  /** Merged beside the spec document's keys in the policy input. */
  readonly extraInput: Readonly<Record<string, unknown>>;
  readonly report: EvidenceReport;
}

/** A usage problem with the evidence flags (exit 2). */
export class EvidenceUsageError extends UserFacingError {}

/**
 * Reads and verifies the evidence named by the flags. Without --evidence nothing is evaluated
 * (no extra input; the report says so).
 * @throws EvidenceUsageError, InputError, EvidenceSignatureError (all exit 2)
 */
export async function prepareEvidence(flags: EvidenceFlags): Promise<PreparedEvidence> {
  const evidence = flags.evidence ?? [];
  const baseline = flags.baseline ?? [];
  if (evidence.length === 0) {
    if (baseline.length > 0)
      throw new EvidenceUsageError("--baseline needs --evidence: a baseline is compared with the candidate's evidence");
    if (flags.evidenceKey !== undefined) throw new EvidenceUsageError("--evidence-key needs --evidence");
    return { extraInput: {}, report: EVIDENCE_NOT_EVALUATED };
  }
  const nowMs = flags.asOf === undefined ? Date.now() : Date.parse(flags.asOf);
  if (!Number.isFinite(nowMs))
    throw new EvidenceUsageError(`--as-of ${flags.asOf ?? ""} is not an RFC 3339 date and time`);
  let publicKeyPem: string | undefined;
  if (flags.evidenceKey !== undefined) {
    try {
      publicKeyPem = readFileSync(flags.evidenceKey, "utf8");
    } catch (error) {
      throw new EvidenceSignatureError(`evidence key ${flags.evidenceKey} cannot be read: ${(error as Error).message}`);
    }
  }
  const options = publicKeyPem === undefined ? {} : { publicKeyPem };
  const candidates = await readEvidence(evidence, "evidence", options);
  const baselines = await readEvidence(baseline, "baseline", options);
  const nowSeconds = nowMs / 1000;
  return {
    extraInput: {
      evidence: policyDocuments(candidates, nowSeconds),
      ...(baselines.length > 0 ? { baseline: policyDocuments(baselines, nowSeconds) } : {}),
    },
    report: evidenceReport([...candidates, ...baselines]),
  };
}

/** The environment whose evaluation gates need evidence at deploy (the spec checks' `production`). */
export const PRODUCTION_ENVIRONMENT = "prod";

/**
 * The evidence a deploy gate evaluates (the stack program, `llmops plan`, the CrossGuard pack):
 * the flags' evidence, or, for a production spec given none at all, an empty evidence list, so
 * the LLM-EVID checks judge it as having none (`gate: block` → LLM-EVID-001, `gate: warn` →
 * LLM-EVID-009). `noneGiven` says the empty list was substituted.
 * @param requireInProduction false only for a preview (`llmops plan --without-evidence`)
 * @throws as prepareEvidence
 */
export async function prepareGateEvidence(
  flags: EvidenceFlags,
  environment: string,
  requireInProduction = true,
): Promise<PreparedEvidence & { readonly noneGiven: boolean }> {
  const prepared = await prepareEvidence(flags);
  const noneGiven = !prepared.report.evaluated && requireInProduction && environment === PRODUCTION_ENVIRONMENT;
  return noneGiven
    ? { extraInput: { evidence: [] }, report: { evaluated: true, documents: [] }, noneGiven }
    : { ...prepared, noneGiven };
}

/** What a refusal adds when the production spec was given no evidence at all. */
export const NO_EVIDENCE_NOTE =
  "no evaluation evidence was configured, and this production spec's evaluation gate blocks: give it with plan --evidence or the stack config llmops:evidence";
