/**
 * The CrossGuard policies: one stack-validation policy per runtime check, so every
 * violation keeps its id, severity, remediation and frameworks, and enforcement can be
 * overridden per check through pack config. All of them share one evaluation per stack by
 * the same WebAssembly engine that `llmops check` uses. An engine error throws, which
 * aborts the preview (fail closed); unknown values are reported, never silently passed.
 */
import type {
  EnforcementLevel,
  PolicyResource,
  ReportViolation,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { PolicyEngine } from "../engine/engine.js";
import { checkKind, type CatalogEntry } from "../engine/catalog-entry.js";
import type { Finding, Severity } from "../engine/finding.js";
import { waiveBySpec } from "../engine/waivers.js";
import type { RuntimeResource } from "../engine/runtime-input.js";
import { NO_EVIDENCE_NOTE } from "../../evidence/gate-input.js";
import {
  EVIDENCE_ADVISORY_POLICY,
  EVIDENCE_CONFIG_SCHEMA,
  EVIDENCE_POLICY,
  evidenceDecision,
  type EvidenceDecision,
  type PackEvidenceConfig,
} from "./evidence.js";

export const UNKNOWN_PLACEHOLDER = "<unknown during preview>";
export const UNEVALUATED_POLICY = "llmops-could-not-evaluate";
/** The advisory policy that lists the runtime findings the configured spec waives. */
export const WAIVED_POLICY = "llmops-waived";

export function enforcementFor(severity: Severity): EnforcementLevel {
  return severity === "critical" || severity === "high" ? "mandatory" : "advisory";
}

export function policyName(id: string): string {
  return id.toLowerCase();
}

export function violationMessage(finding: Finding): string {
  const frameworks = Object.entries(finding.frameworks)
    .map(([name, ids]) => `${name} ${ids.join(", ")}`)
    .join("; ");
  // An organisation's check names its directory; an organisation's severity override says so (issue 21).
  const origin = finding.origin === undefined ? "" : ` Origin: ${finding.origin}.`;
  const override =
    finding.override?.severityFrom === undefined
      ? ""
      : ` Severity overridden from ${finding.override.severityFrom} by ${finding.override.file}: ${finding.override.reason}`;
  return `[${finding.id}] [${finding.severity}] ${finding.message} (at ${finding.path.replace(/^\/resources\/\d+\/props/, "") || "/"}). Remediation: ${finding.remediation} Frameworks: ${frameworks}${origin}${override}`;
}

interface Converted {
  readonly resources: RuntimeResource[];
  /** URN → property paths whose values were unknown. */
  readonly unknowns: Map<string, string[]>;
}

/**
 * Copies the props out of CrossGuard's unknown-checking proxies. Reading an unknown value
 * throws; each one is replaced by a visible placeholder and recorded.
 */
export function copyKnown(value: unknown, path: string, unknowns: string[]): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      try {
        out.push(copyKnown(value[i], `${path}/${i}`, unknowns));
      } catch {
        unknowns.push(`${path}/${i}`);
        out.push(UNKNOWN_PLACEHOLDER);
      }
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    try {
      out[key] = copyKnown((value as Record<string, unknown>)[key], `${path}/${key}`, unknowns);
    } catch {
      unknowns.push(`${path}/${key}`);
      out[key] = UNKNOWN_PLACEHOLDER;
    }
  }
  return out;
}

export function toRuntimeResources(resources: readonly PolicyResource[]): Converted {
  const unknowns = new Map<string, string[]>();
  const converted = resources
    .filter((resource) => !resource.type.startsWith("pulumi:"))
    .map((resource): RuntimeResource => {
      const missing: string[] = [];
      const props = copyKnown(resource.props, "", missing) as Record<string, unknown>;
      if (missing.length > 0) unknowns.set(resource.urn, missing);
      const refs = Object.fromEntries(
        Object.entries(resource.propertyDependencies ?? {})
          .map(([property, dependencies]) => [property, dependencies.map((dependency) => dependency.urn)] as const)
          .filter(([, urns]) => urns.length > 0),
      );
      return {
        urn: resource.urn,
        type: resource.type,
        name: resource.name,
        props,
        ...(resource.parent ? { parent: resource.parent.urn } : {}),
        ...(Object.keys(refs).length > 0 ? { refs } : {}),
      };
    });
  return { resources: converted, unknowns };
}

interface Evaluation {
  readonly findings: Finding[];
  readonly unknowns: Map<string, string[]>;
}

/**
 * Builds the pack's policies from the catalog. `engine` is loaded lazily (WebAssembly
 * compilation is async), and one evaluation is shared by all policies of a stack. Two more
 * policies carry the evidence decision of the stack program's gate (evidence.ts):
 * `llmops-evidence` (mandatory: what refuses the deploy, gate block; it runs first and loads the
 * configured spec, which the runtime checks then read as input.spec and whose current exceptions
 * waive) and `llmops-evidence-advisory` (advisory: gate warn, LLM-EVID-009, or that nothing was
 * evaluated). `llmops-waived` lists the waived findings; `llmops-could-not-evaluate` the unknowns.
 */
export function buildPolicies(
  catalog: readonly CatalogEntry[],
  engine: () => Promise<PolicyEngine>,
): StackValidationPolicy[] {
  // The evidence decision of this stack validation, made by llmops-evidence, which runs first
  // (CrossGuard runs a pack's policies in order, each awaited): it loads the configured spec.
  let stackDecision: Promise<EvidenceDecision> | undefined;
  // One evaluation per stack validation. CrossGuard hands every policy its own deserialised copy
  // of the resources, so the copy cannot be the key: the converted resources are (their JSON), with
  // the decision they were judged under. Only the latest is kept; a WeakMap on the array missed for
  // every policy, and each of the ~100 policies evaluated again (557 ms each on a 134-resource plan).
  let latest:
    { key: string; decision: Promise<EvidenceDecision> | undefined; evaluation: Promise<Evaluation> } | undefined;
  const evaluate = (args: StackValidationArgs): Promise<Evaluation> => {
    const converted = toRuntimeResources(args.resources);
    const key = JSON.stringify(converted.resources);
    if (latest?.key === key && latest.decision === stackDecision) return latest.evaluation;
    // A spec that cannot be read fails llmops-evidence (mandatory), which aborts the run; the
    // runtime checks then have no spec, as when none is configured.
    const spec = (stackDecision ?? Promise.resolve(undefined)).then(
      (decision) => decision?.spec,
      () => undefined,
    );
    const evaluation = Promise.all([engine(), spec]).then(([loaded, spec]): Evaluation => {
      const { resources, unknowns } = converted;
      if (spec === undefined) return { findings: loaded.evaluateRuntime({ resources }), unknowns };
      // The checks that tie declared controls to what is built read input.spec; the spec's
      // current exceptions waive as they do in plan, check --spec and report.
      const findings = waiveBySpec(loaded.evaluateRuntime({ resources, spec }), spec, loaded.catalog.keys());
      return { findings, unknowns };
    });
    latest = { key, decision: stackDecision, evaluation };
    return evaluation;
  };
  // The evidence decision, once per stack validation. The mandatory policy makes it from its own
  // config and runs first; the runtime checks read its spec, and the advisory policy, which has no
  // config, reports the same decision. The engine hands each policy its own copy of the resources,
  // so the decision is shared through this closure, not keyed by the resources array; CrossGuard
  // runs a pack's policies in order, and an advisory run alone (mandatory disabled) decides without
  // a config, which says nothing was evaluated.
  const decide = (config: PackEvidenceConfig): Promise<EvidenceDecision> =>
    engine().then((loaded) => evidenceDecision(loaded, config));
  const evidencePolicy: StackValidationPolicy = {
    name: EVIDENCE_POLICY,
    description:
      "Evaluation evidence bound to the model digest and dataset version passes every gate: block evaluation gate (LLM-EVID-001..008), as the stack program's gate decides. Config: spec, evidence, baseline, evidenceKey, asOf, failOn.",
    enforcementLevel: "mandatory",
    configSchema: EVIDENCE_CONFIG_SCHEMA,
    validateStack: async (args: StackValidationArgs, reportViolation: ReportViolation) => {
      stackDecision = decide(args.getConfig<PackEvidenceConfig>());
      const decision = await stackDecision;
      for (const finding of decision.blocking) {
        reportViolation(
          `${violationMessage(finding)}${decision.noneGiven && finding.id === "LLM-EVID-001" ? ` ${NO_EVIDENCE_NOTE}` : ""}`,
        );
      }
    },
  };
  // A check an organisation disabled (llmops.check_overrides) is no policy of the pack.
  const runtimeChecks = catalog.filter((entry) => checkKind(entry) === "runtime" && !entry.override?.disabled);
  const checkPolicies: StackValidationPolicy[] = runtimeChecks.map((entry) => ({
    name: policyName(entry.id),
    description: `${entry.title}. ${entry.remediation}`,
    enforcementLevel: enforcementFor(entry.severity),
    validateStack: async (args: StackValidationArgs, reportViolation: ReportViolation) => {
      const { findings } = await evaluate(args);
      for (const finding of findings) {
        // A waived finding is reported by llmops-waived (advisory), never as this check's violation.
        if (finding.id === entry.id && finding.waiver === undefined)
          reportViolation(violationMessage(finding), finding.resource);
      }
    },
  }));
  const policies: StackValidationPolicy[] = [evidencePolicy, ...checkPolicies];
  policies.push({
    name: EVIDENCE_ADVISORY_POLICY,
    description:
      "Evidence problems on a gate: warn model (LLM-EVID-009) and anything under the threshold are reported; so is an evidence decision the pack could not make (no spec configured).",
    enforcementLevel: "advisory",
    validateStack: async (_args: StackValidationArgs, reportViolation: ReportViolation) => {
      const decision = await (stackDecision ?? decide({}));
      if (decision.reason !== undefined) reportViolation(`evidence not evaluated: ${decision.reason}`);
      for (const finding of decision.advisory) reportViolation(violationMessage(finding));
    },
  });
  policies.push({
    name: WAIVED_POLICY,
    description:
      "Runtime findings the configured spec's current exceptions waive (reason, approver, expiry), as llmops plan and report show them.",
    enforcementLevel: "advisory",
    validateStack: async (args: StackValidationArgs, reportViolation: ReportViolation) => {
      const { findings } = await evaluate(args);
      for (const finding of findings) {
        if (finding.waiver === undefined) continue;
        const { reason, approver, expires } = finding.waiver;
        reportViolation(
          `waived until ${expires} by ${approver} (${reason}): ${violationMessage(finding)}`,
          finding.resource,
        );
      }
    },
  });
  policies.push({
    name: UNEVALUATED_POLICY,
    description:
      "Resources whose properties are unknown during preview could not be fully evaluated; they are evaluated again with known values during update.",
    enforcementLevel: "advisory",
    validateStack: async (args: StackValidationArgs, reportViolation: ReportViolation) => {
      const { unknowns } = await evaluate(args);
      for (const [urn, paths] of unknowns) {
        reportViolation(
          `could not be evaluated: ${paths.length} propert${paths.length === 1 ? "y is" : "ies are"} unknown during preview (${paths.slice(0, 5).join(", ")}${paths.length > 5 ? ", …" : ""})`,
          urn,
        );
      }
    },
  });
  return policies;
}
