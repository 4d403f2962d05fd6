/**
 * Collects everything `llmops report` joins, without refusing anything: the spec checks (with
 * evidence when given), the offline plan (or a plan file), the runtime checks on the planned
 * resources, and the waivers, and hands them to the crosswalk and the architecture builders.
 * Unlike the deploy gate, failing findings do not stop the report: they are what it reports.
 * A plan that cannot be built is recorded (runtime controls then show as not covered), not thrown.
 */
import { loadSpecFile } from "../schemas/load-spec.js";
import { InputError } from "../input/input-error.js";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import { PolicyEngine } from "../policies/engine/engine.js";
import { defaultBundleDir, packageRoot, specPoliciesFrom } from "../policies/engine/spec-policies.js";
import { validateLoadedSpec } from "../policies/engine/validate-specs.js";
import { SCHEMA_RULE, compareFindings, type Finding } from "../policies/engine/finding.js";
import {
  EXPIRED_WAIVER_RULE,
  UNUSED_WAIVER_RULE,
  applyWaivers,
  specExceptions,
  todayUtc,
  waiveBySpec,
  type Exception,
} from "../policies/engine/waivers.js";
import { applyWaiverFile, loadWaiverFile } from "../policies/engine/waiver-file.js";
import { loadFrameworkCatalogues } from "../policies/engine/frameworks.js";
import { checkKind, type CatalogEntry } from "../policies/engine/catalog-entry.js";
import { prepareEvidence, type EvidenceFlags } from "../evidence/gate-input.js";
import { join } from "node:path";
import { crosswalk, type MappedCheck } from "./crosswalk.js";
import { buildArchitecture, declaredControls } from "./architecture.js";
import type { CheckRun, EvidenceResult, PlanSummary, ReportModel, ReportResource, WaiverRecord } from "./model.js";

/** A source of waivers besides the spec's own `exceptions` (e.g. a waivers file given to `check --waivers`). */
export interface WaiverSource {
  /** Shown beside each waiver, e.g. the file name. */
  readonly name: string;
  readonly exceptions: readonly Exception[];
}

export interface CollectOptions {
  readonly specFile: string;
  /** A plan written by `llmops plan --out`; otherwise the spec is planned offline now. */
  readonly planFile?: string | undefined;
  /** Plan (and judge) the spec for this target instead of spec.target.provider. */
  readonly target?: "aws" | "kubernetes" | undefined;
  readonly evidence?: EvidenceFlags;
  readonly bundleDir?: string | undefined;
  /** Framework keys to report; all catalogued frameworks when empty. */
  readonly frameworks?: readonly string[] | undefined;
  /** Waivers from other sources than spec.exceptions, applied to every finding. */
  readonly waiverSources?: readonly WaiverSource[];
  /**
   * A waiver file (kind Waivers, as `llmops check --waivers` reads it): applied to every finding,
   * its resource and file matches read against the planned resources; its expired and unused
   * waivers are reported as LLM-WAIVER-001 / LLM-WAIVER-002. @default none
   */
  readonly waiverFile?: string | undefined;
  /** YYYY-MM-DD (UTC) waivers expire against. @default today */
  readonly today?: string;
  /** The framework catalogue directory. @default policies/frameworks of this package */
  readonly frameworksDir?: string;
}

/**
 * Builds the report model for one spec file.
 * @throws InputError for an unreadable or malformed spec, plan or evidence file, or a spec file
 *   holding other than one document; UnknownFrameworkError for an unknown --framework key;
 *   the engine's errors (bundle missing or corrupt) as they are. All exit 2.
 */
export async function collectReport(options: CollectOptions): Promise<ReportModel> {
  const today = options.today ?? todayUtc();
  const documents = loadSpecFile(options.specFile);
  if (documents.length !== 1)
    throw new InputError(`expected exactly one spec document, found ${documents.length}`, options.specFile);
  const loaded = documents[0]!;
  const document =
    options.target && options.target !== loaded.value.spec.target.provider
      ? {
          ...loaded,
          value: {
            ...loaded.value,
            spec: { ...loaded.value.spec, target: { ...loaded.value.spec.target, provider: options.target } },
          },
        }
      : loaded;
  const evidence = await prepareEvidence(options.evidence ?? {});
  const engine = await PolicyEngine.load(options.bundleDir ?? defaultBundleDir());
  const specFindings = validateLoadedSpec(document, specPoliciesFrom(engine, today, evidence.extraInput));
  const schemaValid = document.violations.length === 0;
  const spec = document.value;

  const { plan, resources, planSpec } = schemaValid
    ? await obtainPlan(options, spec, engine.bundle.revision)
    : {
        plan: {
          source: "none",
          target: spec.spec.target.provider,
          resources: 0,
          error: "the spec does not match the schema",
        } satisfies PlanSummary,
        resources: [],
        planSpec: undefined,
      };
  let runtimeFindings: Finding[] = [];
  if (plan.error === undefined)
    runtimeFindings = engine.evaluateRuntime({ resources, ...(planSpec === undefined ? {} : { spec: planSpec }) });

  // Spec exceptions were applied to the spec findings by the spec pipeline (which also reports the
  // expired ones as LLM-WAIVER-001); current ones apply to runtime findings too.
  const knownIds = new Set([...engine.catalog.keys(), SCHEMA_RULE.id]);
  runtimeFindings = waiveBySpec(runtimeFindings, spec, knownIds, today);
  let findings = [...specFindings, ...runtimeFindings];
  for (const source of options.waiverSources ?? [])
    findings = applyWaivers(findings, source.exceptions, { file: source.name, knownIds, today });
  const waiverFile = options.waiverFile === undefined ? undefined : await loadWaiverFile(options.waiverFile);
  if (waiverFile) findings = applyWaiverFile(findings, waiverFile, { knownIds, resources, today });
  findings.sort(compareFindings);

  const evidenceRan = evidence.report.evaluated;
  const checks = checkRuns(engine.catalog, { schemaValid, evidenceRan, plan, resources });
  const mapped: MappedCheck[] = [
    ...[...engine.catalog.values()].map((entry) => ({ run: checks.get(entry.id)!, frameworks: entry.frameworks })),
    {
      run: { id: SCHEMA_RULE.id, title: SCHEMA_RULE.title, severity: SCHEMA_RULE.severity, kind: "spec", ran: true },
      frameworks: SCHEMA_RULE.frameworks,
    },
    {
      run: {
        id: EXPIRED_WAIVER_RULE.id,
        title: EXPIRED_WAIVER_RULE.title,
        severity: EXPIRED_WAIVER_RULE.severity,
        kind: "spec",
        ran: true,
      },
      frameworks: EXPIRED_WAIVER_RULE.frameworks,
    },
    ...(waiverFile
      ? [
          {
            run: {
              id: UNUSED_WAIVER_RULE.id,
              title: UNUSED_WAIVER_RULE.title,
              severity: UNUSED_WAIVER_RULE.severity,
              kind: "spec" as const,
              ran: true,
            },
            frameworks: UNUSED_WAIVER_RULE.frameworks,
          },
        ]
      : []),
  ];
  const catalogues = loadFrameworkCatalogues(options.frameworksDir ?? join(packageRoot(), "policies", "frameworks"));
  const frameworks = crosswalk(catalogues, mapped, findings, options.frameworks);

  const waivers: WaiverRecord[] = [
    ...specExceptions(spec).map((exception) => waiverRecord("spec", exception, findings, today)),
    ...(options.waiverSources ?? []).flatMap((source) =>
      source.exceptions.map((exception) => waiverRecord(source.name, exception, findings, today)),
    ),
    ...(waiverFile ? waiverFile.entries.map((entry) => waiverRecord(waiverFile.file, entry, findings, today)) : []),
  ];
  return {
    file: options.specFile,
    spec,
    bundle: engine.bundle,
    plan,
    checks: mapped.map((check) => check.run),
    findings,
    frameworks,
    evidence: evidence.report,
    evidenceResults: evidenceResults(evidence.extraInput.evidence),
    waivers,
    architecture: buildArchitecture(resources, findings, spec),
    declared: declaredControls(spec, resources, findings, engine.catalog),
    images: planImages(resources, spec),
  };
}

async function obtainPlan(
  options: CollectOptions,
  spec: LLMOpsStack,
  revision: string,
): Promise<{ plan: PlanSummary; resources: ReportResource[]; planSpec: unknown }> {
  if (options.planFile !== undefined) {
    const { readRuntimeFile } = await import("../policies/engine/adapters/read-runtime-file.js");
    const file = readRuntimeFile(options.planFile, "plan");
    const planTarget = (file.spec as LLMOpsStack | undefined)?.spec?.target?.provider ?? spec.spec.target.provider;
    return {
      plan: { source: options.planFile, target: planTarget, resources: file.resources.length },
      resources: file.resources,
      planSpec: file.spec ?? spec,
    };
  }
  const { planOffline } = await import("../stacks/offline-plan.js");
  try {
    const plan = await planOffline(spec, revision);
    return {
      plan: { source: "offline", target: plan.target, resources: plan.resources.length },
      resources: plan.resources,
      planSpec: plan.spec,
    };
  } catch (error) {
    // A component refusing the spec (a finding the spec checks also report) leaves no plan to check.
    if (error instanceof Error && "path" in error) {
      return {
        plan: {
          source: "none",
          target: spec.spec.target.provider,
          resources: 0,
          error: `a component refused the spec at ${String((error as { path: unknown }).path)}: ${error.message}`,
        },
        resources: [],
        planSpec: undefined,
      };
    }
    throw error;
  }
}

interface RunContext {
  readonly schemaValid: boolean;
  readonly evidenceRan: boolean;
  readonly plan: PlanSummary;
  readonly resources: readonly ReportResource[];
}

/**
 * Whether each catalogued check ran. Spec checks run on a schema-valid spec; those in
 * llmops.spec.evidence.* read input.evidence and run only with --evidence; runtime checks run on a
 * plan, and those under llmops.runtime.aws.* / llmops.runtime.kubernetes.* only when the plan holds
 * resources of that provider (a check with nothing of its kind to look at proves nothing).
 */
export function checkRuns(catalog: ReadonlyMap<string, CatalogEntry>, context: RunContext): Map<string, CheckRun> {
  const providers = new Set(context.resources.map((resource) => resource.type.split(":")[0]));
  const runs = new Map<string, CheckRun>();
  for (const entry of catalog.values()) {
    const base = { id: entry.id, title: entry.title, severity: entry.severity };
    if (checkKind(entry) === "spec") {
      const isEvidence = entry.package.startsWith("llmops.spec.evidence.");
      const reason = !context.schemaValid
        ? "the spec does not match the schema"
        : isEvidence && !context.evidenceRan
          ? "no evaluation evidence was given (--evidence)"
          : undefined;
      runs.set(entry.id, {
        ...base,
        kind: isEvidence ? "evidence" : "spec",
        ran: reason === undefined,
        ...(reason ? { reason } : {}),
      });
      continue;
    }
    const provider = /^llmops\.runtime\.(aws|kubernetes)\./.exec(entry.package)?.[1];
    const reason =
      context.plan.error !== undefined
        ? `no plan: ${context.plan.error}`
        : provider !== undefined && !providers.has(provider)
          ? `the plan holds no ${provider} resources`
          : undefined;
    runs.set(entry.id, { ...base, kind: "runtime", ran: reason === undefined, ...(reason ? { reason } : {}) });
  }
  return runs;
}

function waiverRecord(source: string, exception: Exception, findings: readonly Finding[], today: string): WaiverRecord {
  const matched = findings.filter(
    (finding) =>
      finding.id === exception.policyId &&
      finding.waiver?.approver === exception.approver &&
      finding.waiver.reason === exception.reason &&
      finding.waiver.expires === exception.expires,
  ).length;
  return {
    source,
    policyId: exception.policyId,
    reason: exception.reason,
    approver: exception.approver,
    expires: exception.expires,
    ...(exception.path === undefined ? {} : { path: exception.path }),
    expired: exception.expires < today,
    matched,
  };
}

/** Container images the plan runs (string values of `image` keys, anywhere in the props), with the spec's declared images. */
export function planImages(resources: readonly ReportResource[], spec: LLMOpsStack): string[] {
  const images = new Set<string>();
  const walk = (value: unknown, key: string | undefined, depth: number) => {
    if (depth > 40) return;
    if (typeof value === "string") {
      if (key === "image" && value.length > 0) images.add(value);
      return;
    }
    if (Array.isArray(value)) for (const item of value) walk(item, key, depth + 1);
    else if (typeof value === "object" && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, k, depth + 1);
  };
  for (const resource of resources) walk(resource.props, undefined, 0);
  for (const model of spec.spec.models) {
    const image = model.serving.image;
    if (image?.repository && image.digest) images.add(`${image.repository}@${image.digest}`);
  }
  for (const image of Object.values(spec.spec.platform?.images ?? {})) {
    if (image?.repository && image.digest) images.add(`${image.repository}@${image.digest}`);
  }
  return [...images].sort();
}

/** Metric values from the evidence documents as the policies saw them (evidence/evidence-set.ts policyDocuments). */
function evidenceResults(documents: unknown): EvidenceResult[] {
  if (!Array.isArray(documents)) return [];
  return documents.map((raw) => {
    const document = raw as {
      loaded?: { file?: string };
      subject?: { model?: { digest?: string }; dataset?: { name?: string; version?: string } };
      results?: { metrics?: Array<{ name: string; value: number; sampleSize?: number }> };
    };
    return {
      file: document.loaded?.file ?? "",
      modelDigest: document.subject?.model?.digest ?? "",
      dataset: {
        name: document.subject?.dataset?.name ?? "",
        version: String(document.subject?.dataset?.version ?? ""),
      },
      metrics: (document.results?.metrics ?? []).map((metric) => ({
        name: metric.name,
        value: metric.value,
        ...(metric.sampleSize === undefined ? {} : { sampleSize: metric.sampleSize }),
      })),
    };
  });
}
