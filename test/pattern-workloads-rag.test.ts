/**
 * Issue 18 (RAG ingestion, human-feedback loop, spec additions): the RAG examples planned through
 * the components show one ingestion CronJob per embedded source and the feedback review queue with
 * its export; the plans are clean; removing any of those workloads from the plan (never from the
 * spec) makes the matching runtime check fire. The schedule rule of the component and of the check
 * (LLM-CTRL-020) agree on every SLA tried. The new spec fields have their checks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { PolicyEngine } from "../policies/engine/engine.js";
import {
  exportSchedule,
  validateFeedbackLoopArgs,
  type FeedbackLoopArgs,
} from "../components/kubernetes/feedback-loop.js";
import { ingestionSchedule, isoDurationSeconds, sourcePort } from "../components/kubernetes/rag-ingestion.js";
import { loadSpecText } from "../schemas/load-spec.js";
import type { loadSpecPolicies as LoadSpecPolicies } from "../policies/engine/spec-policies.js";
import type { validateLoadedSpec as ValidateLoadedSpec } from "../policies/engine/validate-specs.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";
import { engineAnd, planExample, type Plan, type Resource } from "./helpers/plans.js";
import { ROOT } from "./helpers/cli.js";

const ready = bundleBuilt();
if (!ready)
  console.warn("pattern-workloads: policy bundle not built (npm run policy:build); plan and policy cases skip");

describe("ingestion schedule from the freshness SLA", () => {
  it.each([
    ["PT1H", "*/30 * * * *", 900],
    ["PT3M", "*/2 * * * *", 60],
    ["PT5M", "*/4 * * * *", 60],
    ["PT15M", "*/12 * * * *", 180],
  ])("%s → %s with a %i s run limit", (sla, schedule, deadline) => {
    const timing = ingestionSchedule("social-posts", isoDurationSeconds(sla));
    expect(timing.schedule).toBe(schedule);
    expect(timing.activeDeadlineSeconds).toBe(deadline);
    expect(timing.maxStalenessSeconds).toBeLessThanOrEqual(isoDurationSeconds(sla));
  });

  it("runs longer SLAs every few hours or daily, at a stable minute per source", () => {
    expect(ingestionSchedule("terminal-guides", isoDurationSeconds("P1D")).schedule).toMatch(
      /^\d{1,2} \*\/12 \* \* \*$/,
    );
    expect(ingestionSchedule("archive", isoDurationSeconds("P7D")).schedule).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
    expect(ingestionSchedule("a", 7200).schedule).toBe(ingestionSchedule("a", 7200).schedule);
  });

  it("refuses an SLA no schedule can keep, naming the source", () => {
    expect(() => ingestionSchedule("flight-status", 60)).toThrow(/too short for scheduled ingestion/);
    try {
      ingestionSchedule("flight-status", 119);
    } catch (error) {
      expect((error as { propertyPath?: string }).propertyPath).toBe("sources[flight-status].freshnessSla");
    }
  });

  it("reads ISO 8601 durations and source ports", () => {
    expect(isoDurationSeconds("P1DT1H30M5S")).toBe(86400 + 3600 + 1800 + 5);
    expect(isoDurationSeconds("P2W")).toBe(14 * 86400);
    expect(() => isoDurationSeconds("PT")).toThrow();
    expect(() => isoDurationSeconds("1h")).toThrow();
    expect(sourcePort("kafka://flight-ops.internal:9093/x")).toBe(9093);
    expect(sourcePort("https://social-listening.internal.example.com/v2/posts")).toBe(443);
    expect(sourcePort("s3://airport-content/terminal-guides/")).toBe(443);
  });

  it("exports at least as often as declared", () => {
    expect(exportSchedule(1)).toBe("7 * * * *");
    expect(exportSchedule(6)).toBe("7 */6 * * *");
    expect(exportSchedule(5)).toBe("7 */4 * * *");
    expect(exportSchedule(24)).toBe("7 2 * * *");
    expect(exportSchedule(72)).toBe("7 2 */3 * *");
    const base: FeedbackLoopArgs = {
      stack: "s",
      namespace: "n",
      collectorImage: { repository: "c", digest: "d" },
      authProxyImage: { repository: "a", digest: "d" },
      serviceAccountName: "sa",
      storeUrl: "http://s",
      datasetUrl: "http://d",
      oidcIssuer: "https://login.example.com",
      oidcClientSecret: "o",
      reviewerRoles: ["r"],
      reviewSlaHours: 24,
      retentionDays: 30,
      dataset: "ds",
      exportIntervalHours: 24,
    };
    expect(() => validateFeedbackLoopArgs({ ...base, reviewerRoles: [] })).toThrow(/declared roles/);
    expect(() => validateFeedbackLoopArgs({ ...base, oidcIssuer: "http://login" })).toThrow(/https/);
    expect(() => validateFeedbackLoopArgs(base)).not.toThrow();
  });
});

function cronJob(name: string, uri: string, schedule: string, deadline: number): Resource {
  return {
    urn: `urn:pulumi:t::p::kubernetes:batch/v1:CronJob::${name}`,
    type: "kubernetes:batch/v1:CronJob",
    name,
    props: {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name, namespace: "ns" },
      spec: {
        schedule,
        jobTemplate: {
          spec: {
            activeDeadlineSeconds: deadline,
            template: {
              spec: { restartPolicy: "Never", containers: [{ name: "fetch", args: ["fetch", "--source", uri] }] },
            },
          },
        },
      },
    },
  };
}

describe.skipIf(!ready)("the component's schedule rule and LLM-CTRL-020 agree", () => {
  let engine: PolicyEngine;
  beforeAll(async () => {
    engine = await PolicyEngine.load(BUNDLE_DIR);
  });

  it.each(["PT1M", "PT2M", "PT3M", "PT7M", "PT10M", "PT45M", "PT1H", "PT90M", "PT5H", "P1D", "P3D"])(
    "%s: the derived schedule passes, and so does a run limit up to the SLA; one second more does not",
    (sla) => {
      const uri = "s3://bucket/docs/";
      const spec = {
        metadata: { name: "s" },
        spec: {
          pattern: "rag",
          vectorStore: { engine: "qdrant", dimensions: 8 },
          data: { sources: [{ name: "docs", uri, freshnessSla: sla }] },
        },
      };
      const ids = (resource: Resource) =>
        engine
          .evaluateRuntime({ resources: [resource], spec })
          .map((finding) => finding.id)
          .filter((id) => id === "LLM-CTRL-020");
      const seconds = isoDurationSeconds(sla);
      if (seconds < 120) {
        expect(() => ingestionSchedule("docs", seconds)).toThrow();
        return;
      }
      const timing = ingestionSchedule("docs", seconds);
      expect(ids(cronJob("ingest-docs", uri, timing.schedule, timing.activeDeadlineSeconds))).toEqual([]);
      // The check reads the component's cron expression as having the component's gap: the run limit
      // may grow to exactly the SLA less that gap, and not one second more.
      expect(ids(cronJob("ingest-docs", uri, timing.schedule, seconds - timing.gapSeconds))).toEqual([]);
      expect(ids(cronJob("ingest-docs", uri, timing.schedule, seconds - timing.gapSeconds + 1))).toEqual([
        "LLM-CTRL-020",
      ]);
    },
  );
});

type Spec = {
  metadata: { name: string };
  spec: {
    data: { sources: Array<Record<string, any>> };
    models: Array<Record<string, any>>;
    humanFeedback: Record<string, any>;
  };
};

function readSpec(example: string): Spec {
  return parse(readFileSync(join(ROOT, "examples", example), "utf8")) as Spec;
}

function without(plan: Plan, predicate: (resource: Resource) => boolean): Resource[] {
  const removed = plan.resources.filter(predicate);
  expect(removed.length).toBeGreaterThan(0);
  return plan.resources.filter((resource) => !predicate(resource));
}

const isCronJob = (resource: Resource) => resource.type === "kubernetes:batch/v1:CronJob";
/** A workload and the Service and NetworkPolicies named after it. */
const named = (resource: Resource, workload: string) =>
  typeof resource.props.metadata?.name === "string" &&
  resource.type.startsWith("kubernetes:") &&
  (resource.props.metadata.name === workload || resource.props.metadata.name.startsWith(`${workload}-`));

describe.skipIf(!ready).each([
  ["campaign-summariser.rag.yaml", "kubernetes"],
  ["airport-assistant.rag.yaml", "aws"],
] as const)("%s on %s: ingestion and the feedback loop, built and checked", (example, target) => {
  let engine: PolicyEngine;
  let plan: Plan;
  const spec = readSpec(example);
  const embedded = spec.spec.data.sources.filter((source) => (source.retrieval ?? "embedded") === "embedded");
  const embedding = spec.spec.models.find((model) => model.role === "embedding")!;
  const ids = (resources: Resource[]) =>
    engine.evaluateRuntime({ resources, spec: plan.spec }).map((finding) => finding.id);

  beforeAll(async () => void ({ engine, plan } = await engineAnd(() => planExample(example, target))), 120_000);

  it("plans one RagIngestion per embedded source, none for a source queried live, and the feedback loop; 0 findings", () => {
    expect(embedded.length).toBeGreaterThan(0);
    const components = plan.resources
      .filter((resource) => resource.type === "llmops:kubernetes:RagIngestion")
      .map((resource) => resource.name)
      .sort();
    expect(components).toEqual(embedded.map((source) => `${spec.metadata.name}-ingest-${source.name}`).sort());
    for (const source of spec.spec.data.sources.filter((candidate) => candidate.retrieval === "queried")) {
      expect(
        plan.resources.filter(isCronJob).some((resource) => JSON.stringify(resource.props).includes(source.uri)),
      ).toBe(false);
    }
    expect(plan.resources.filter((resource) => resource.type === "llmops:kubernetes:FeedbackLoop")).toHaveLength(1);
    expect(ids(plan.resources)).toEqual([]);
  });

  it("checks before it publishes, redacts personal data, records evidence against the embedding model's digest", () => {
    for (const source of embedded) {
      const job = plan.resources.find(
        (resource) => isCronJob(resource) && resource.props.metadata.name === `ingest-${source.name}`,
      )!;
      const pod = job.props.spec.jobTemplate.spec.template.spec;
      expect(job.props.spec.concurrencyPolicy).toBe("Forbid");
      expect(job.props.spec.jobTemplate.spec.backoffLimit).toBe(0);
      expect(pod.restartPolicy).toBe("Never");
      const personal = source.containsPersonalData === true;
      // TLS in transit (the examples' default): the CA trust bundle is written before any step runs.
      expect(pod.initContainers[0].name).toBe("trust-bundle");
      const steps = pod.initContainers.slice(1);
      expect(steps.map((container: { name: string }) => container.name)).toEqual([
        "fetch",
        "check",
        ...(personal ? ["redact"] : []),
      ]);
      for (const step of [...steps, ...pod.containers])
        expect(step.env).toEqual(
          expect.arrayContaining([{ name: "SSL_CERT_FILE", value: "/etc/llmops-trust/ca-bundle.crt" }]),
        );
      expect(pod.containers.map((container: { name: string }) => container.name)).toEqual(["publish"]);
      expect(steps[0].args).toEqual(expect.arrayContaining(["--source", source.uri]));
      const check = steps[1].args as string[];
      expect(check[check.indexOf("--checks") + 1]).toBe(source.qualityChecks.join(","));
      expect(check[check.indexOf("--evidence-model-digest") + 1]).toBe(embedding.source.digest);
      expect(check).toContain("--fail-on-any");
      // Only the publish step holds the vector store's credentials (target kubernetes) or writes it.
      expect(JSON.stringify(pod.initContainers)).not.toMatch(/VECTOR_STORE|--vector-store/);
      // Tenancy (collectionPerTenant): the source's tenant's collection, else the stack's one collection.
      const collection = source.tenant ? `${spec.metadata.name}-${source.tenant}` : spec.metadata.name;
      expect(pod.containers[0].args as string[]).toEqual(
        expect.arrayContaining(["--embedding-model", embedding.name, "--collection", collection]),
      );
      expect(pod.containers[0].args.join(" ")).toContain(personal ? "/staging/redacted" : "/staging/raw");
    }
  });

  it("admits only the declared roles to the review queue and exports into the named dataset", () => {
    const queue = plan.resources.find(
      (resource) =>
        resource.type === "kubernetes:apps/v1:Deployment" && resource.props.metadata.name === "feedback-review",
    )!;
    const proxy = queue.props.spec.template.spec.containers.find(
      (container: { name: string }) => container.name === "auth-proxy",
    );
    const groups = (proxy.args as string[])
      .filter((arg) => arg.startsWith("--allowed-group="))
      .map((arg) => arg.slice("--allowed-group=".length));
    expect(groups).toEqual(spec.spec.humanFeedback.accessRoles);
    const exporter = plan.resources.find(
      (resource) => isCronJob(resource) && resource.props.metadata.name === "feedback-export",
    )!;
    const args = exporter.props.spec.jobTemplate.spec.template.spec.containers[0].args as string[];
    expect(args[args.indexOf("--dataset") + 1]).toBe(
      spec.spec.humanFeedback.export?.dataset ?? `${spec.metadata.name}-feedback`,
    );
    expect(args).toContain("--reviewed-only");
  });

  it("fires LLM-CTRL-020 when a source's ingestion is removed or made too sparse, LLM-CTRL-022 when the queue or the export is", () => {
    for (const source of embedded) {
      // The workload goes with its own NetworkPolicy (a policy selecting nothing is a finding of its own).
      expect(ids(without(plan, (resource) => named(resource, `ingest-${source.name}`)))).toEqual(["LLM-CTRL-020"]);
      const sparse = plan.resources.map((resource) =>
        isCronJob(resource) && resource.props.metadata.name === `ingest-${source.name}`
          ? { ...resource, props: { ...resource.props, spec: { ...resource.props.spec, schedule: "0 0 * * 0" } } }
          : resource,
      );
      expect(ids(sparse)).toEqual(["LLM-CTRL-020"]);
    }
    expect(ids(without(plan, (resource) => named(resource, "feedback-review")))).toEqual(["LLM-CTRL-022"]);
    expect(ids(without(plan, (resource) => named(resource, "feedback-export")))).toEqual(["LLM-CTRL-022"]);
  });
});

describe.skipIf(!ready)("spec additions: live sources, special-category data, a path to a person", () => {
  let loadSpecPolicies: typeof LoadSpecPolicies;
  let validateLoadedSpec: typeof ValidateLoadedSpec;
  let policies: Awaited<ReturnType<typeof LoadSpecPolicies>>;
  beforeAll(async () => {
    ({ loadSpecPolicies } = await import("../policies/engine/spec-policies.js"));
    ({ validateLoadedSpec } = await import("../policies/engine/validate-specs.js"));
    policies = await loadSpecPolicies(BUNDLE_DIR);
  });

  const findings = (document: unknown) => {
    const [loaded] = loadSpecText(stringify(document), "edited.yaml");
    expect(loaded!.violations).toEqual([]);
    return validateLoadedSpec(loaded!, policies).map((finding) => [finding.id, finding.severity, finding.path]);
  };

  it("a live flight feed with a 30-minute SLA is a high finding, beside a fresh one or not", () => {
    const airport = readSpec("airport-assistant.rag.yaml");
    expect(findings(airport)).toEqual([]);
    const stale = structuredClone(airport);
    stale.spec.data.sources.push({
      ...structuredClone(stale.spec.data.sources[0]),
      name: "gate-changes",
      freshnessSla: "PT30M",
    });
    expect(findings(stale)).toEqual([["LLM-DATA-011", "high", "/spec/data/sources/2/freshnessSla"]]);
  });

  it("a one-minute source embedded by schedule is refused; health data must be restricted and scanned", () => {
    const airport = readSpec("airport-assistant.rag.yaml");
    const embeddedFeed = structuredClone(airport);
    embeddedFeed.spec.data.sources[0]!.retrieval = "embedded";
    expect(findings(embeddedFeed)).toEqual([["LLM-DATA-013", "high", "/spec/data/sources/0/retrieval"]]);
    const health = structuredClone(airport);
    health.spec.data.sources[1]!.specialCategoryData = ["health"];
    // One finding per source, naming every gap: not marked personal, not restricted, not scanned for PII.
    expect(findings(health)).toEqual([["LLM-DATA-012", "high", "/spec/data/sources/1"]]);
  });

  it("a claims bot that explains decisions needs its appeal path", () => {
    const claims = readSpec("claims-explainer.blackbox.yaml") as Spec & {
      spec: { explainability: Record<string, unknown> };
    };
    expect(findings(claims)).toEqual([]);
    delete claims.spec.explainability.humanEscalation;
    expect(findings(claims)).toEqual([["LLM-EXPL-004", "high", "/spec/explainability"]]);
  });
});
