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
import { NO_EVIDENCE_NOTE, prepareGateEvidence, type EvidenceFlags } from "../evidence/gate-input.js";
import { UserFacingError } from "../schemas/user-facing-error.js";

/** What a refusal stopped: the stack program deploys, `llmops plan` only plans. */
export type GateActivity = "deployed" | "planned";

/**
 * A spec the gate refuses. The message lists each blocking finding with file:line:column, its
 * severity, id, message, JSON Pointer and fix, and says what was not done (`activity`).
 */
export class SpecRejectedError extends UserFacingError {
  constructor(
    readonly file: string,
    readonly findings: readonly Finding[],
    reason?: string,
    activity: GateActivity = "deployed",
    note?: string,
  ) {
    super(
      (reason
        ? `${file}: ${reason}; nothing was ${activity}`
        : `${file} does not pass the spec policies; nothing was ${activity}:\n` +
          findings
            .map(
              (finding) =>
                `  ${finding.file ?? file}:${finding.line ?? 0}:${finding.column ?? 0} ${finding.severity} ${finding.id} ${finding.message} (at ${finding.path})\n    fix: ${finding.remediation}`,
            )
            .join("\n")) + (note ? `\n${note}` : ""),
    );
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

export interface GateOptions {
  /** Findings at or above this refuse the spec. @default "high" */
  readonly failOn?: Severity;
  /** Policy bundle directory. @default the built-in bundle */
  readonly bundleDir?: string;
  /**
   * Judge the spec as if spec.target.provider were this (`llmops plan --target`): the checks see
   * the target that will be built, so a refusal names its check instead of failing in a component.
   */
  readonly target?: "aws" | "kubernetes";
  /** What a refusal says was not done. @default "deployed" */
  readonly activity?: GateActivity;
  /** Evaluation evidence (`plan --evidence`, stack config `llmops:evidence`): the LLM-EVID checks run on the same decision. */
  readonly evidence?: EvidenceFlags;
  /**
   * A production spec (`metadata.environment: prod`) given no evidence at all is judged as having
   * none: the LLM-EVID checks run on an empty evidence list, so a `gate: block` model is refused with
   * LLM-EVID-001 and a `gate: warn` one reported (LLM-EVID-009). `false` only for `llmops plan
   * --without-evidence`, a preview that says the evidence gate was not evaluated.
   * @default true
   */
  readonly requireEvidenceInProduction?: boolean;
}

/**
 * Loads one spec file, validates it (schema, then spec policies) and returns the effective spec.
 * With evidence flags, or for a production spec without any (see requireEvidenceInProduction), the
 * LLM-EVID checks run on the same decision, so failing or missing evidence under `gate: block`
 * refuses the deploy here, before any resource is registered, and `gate: warn` problems
 * (LLM-EVID-009, medium) are reported without blocking at the default threshold.
 * @throws SpecRejectedError when a finding is at or above `failOn` (or the file holds other than one
 *   document); InputError or EvidenceSignatureError for unreadable or untrusted inputs; the engine's errors as they are.
 */
export async function gateSpec(file: string, options: GateOptions = {}): Promise<GatedSpec> {
  const activity = options.activity ?? "deployed";
  // An unknown threshold would let everything through; refuse it instead.
  if (options.failOn !== undefined && !SEVERITIES.includes(options.failOn)) {
    throw new SpecRejectedError(
      file,
      [],
      `failOn must be one of ${SEVERITIES.join(", ")}; got ${String(options.failOn)}`,
      activity,
    );
  }
  const documents = loadSpecFile(file);
  if (documents.length !== 1)
    throw new SpecRejectedError(file, [], `expected exactly one spec document, found ${documents.length}`, activity);
  const loaded = documents[0]!;
  const target = options.target;
  const document =
    target && target !== loaded.value.spec.target.provider
      ? {
          ...loaded,
          value: {
            ...loaded.value,
            spec: { ...loaded.value.spec, target: { ...loaded.value.spec.target, provider: target } },
          },
        }
      : loaded;
  // Deploying to production with nothing behind the gates is judged as deploying with no evidence.
  const evidence = await prepareGateEvidence(
    options.evidence ?? {},
    document.value.metadata.environment,
    options.requireEvidenceInProduction !== false,
  );
  const policies = specPoliciesFrom(
    await PolicyEngine.load(options.bundleDir ?? defaultBundleDir()),
    undefined,
    evidence.extraInput,
  );
  const findings = validateLoadedSpec(document, policies);
  const blocking = blockingFindings(findings, options.failOn ?? "high");
  if (blocking.length > 0) {
    const note =
      evidence.noneGiven && blocking.some((finding) => finding.id === "LLM-EVID-001") ? NO_EVIDENCE_NOTE : undefined;
    throw new SpecRejectedError(file, blocking, undefined, activity, note);
  }
  return {
    spec: document.value,
    findings,
    bundle: policies.bundle,
    engine: policies.engine,
    evidence: evidence.report,
  };
}

/** A component's refusal of a spec field: `path` is the JSON Pointer of what it could not build from. */
export interface ComponentRefusal extends Error {
  readonly path: string;
}

/**
 * When a component refuses a spec for a reason a check also knows (a finding at the refused
 * JSON Pointer or below it, even one under the --fail-on threshold), the refusal is reported as
 * that check's findings, with their positions and fixes; otherwise undefined (the caller reports
 * the component's own error).
 */
export function refusalAsFindings(
  file: string,
  gated: GatedSpec,
  refusal: ComponentRefusal,
  activity: GateActivity,
): SpecRejectedError | undefined {
  const known = gated.findings.filter(
    (finding) =>
      finding.path === refusal.path ||
      finding.path.startsWith(`${refusal.path}/`) ||
      refusal.path.startsWith(`${finding.path}/`),
  );
  return known.length > 0 ? new SpecRejectedError(file, known, undefined, activity) : undefined;
}
