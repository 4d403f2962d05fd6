/**
 * Issue 14, item 3: no silent gaps in what gets built. Every pattern × target × vectorStore
 * engine the schema allows (and no vector store at all) is judged by the spec policies and
 * planned offline under Pulumi mocks, in this one process. For each combination the check's
 * verdict and the components' behaviour must agree exactly:
 *   - a declared vector store is either built (a llmops:aws:VectorStore or
 *     llmops:kubernetes:InClusterVectorDatabase component in the plan), or refused by
 *     LLM-PLAT-003 at /spec/vectorStore/engine — never neither, never both;
 *   - a spec without a vector store builds none and is not refused for one.
 * The plan runs even for a refused combination (the gate is bypassed here on purpose), so a
 * refusal is proven to stand for a real gap, not merely asserted.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { ROOT } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";
import { PATTERNS, publishedSchema } from "../schemas/spec-schema.js";
import { loadSpecText } from "../schemas/load-spec.js";
import type { loadSpecPolicies as LoadSpecPolicies } from "../policies/engine/spec-policies.js";
import type { planOffline as PlanOffline } from "../stacks/offline-plan.js";
import type { validateLoadedSpec as ValidateLoadedSpec } from "../policies/engine/validate-specs.js";

const ready = bundleBuilt();

/** One example spec per pattern, the starting point of each combination. */
const EXAMPLE_FOR: Record<(typeof PATTERNS)[number], string> = {
  rag: "airport-assistant.rag.yaml",
  blackBoxApi: "claims-explainer.blackbox.yaml",
  embedded: "crm-copilot.embedded.yaml",
  fineTuning: "legal-slm.finetuning.yaml",
  agent: "ops-agent.agent.yaml",
};

/** Every platform image and egress range either target may need, from the kubernetes RAG example. */
const platformOf = (): Record<string, unknown> =>
  (
    parse(readFileSync(join(ROOT, "examples/campaign-summariser.rag.yaml"), "utf8")) as {
      spec: { platform: Record<string, unknown> };
    }
  ).spec.platform;

/** The schema's own enumerations, so a new engine or target is covered without editing this test. */
function schemaEnum(pointer: string[]): string[] {
  let node: any = publishedSchema();
  for (const key of pointer) node = node[key];
  return (node.enum as string[] | undefined) ?? (node.anyOf as Array<{ const: string }>).map((option) => option.const);
}

const NONE = "no vector store";
const VECTOR_COMPONENTS = new Set(["llmops:aws:VectorStore", "llmops:kubernetes:InClusterVectorDatabase"]);

describe.skipIf(!ready)("every pattern × target × vector-store engine is built or refused with a named finding", () => {
  let loadSpecPolicies: typeof LoadSpecPolicies;
  let validateLoadedSpec: typeof ValidateLoadedSpec;
  let planOffline: typeof PlanOffline;
  let policies: Awaited<ReturnType<typeof LoadSpecPolicies>>;
  beforeAll(async () => {
    ({ loadSpecPolicies } = await import("../policies/engine/spec-policies.js"));
    ({ validateLoadedSpec } = await import("../policies/engine/validate-specs.js"));
    ({ planOffline } = await import("../stacks/offline-plan.js"));
    policies = await loadSpecPolicies(BUNDLE_DIR);
  });

  const specSchema = (publishedSchema() as any).properties.spec;
  const targets = schemaEnum(["properties", "spec", "properties", "target", "properties", "provider"]);
  const engines = specSchema.properties.vectorStore.properties.engine.enum as string[];
  const requiredFor = new Set(
    (specSchema.allOf as Array<{ if: { properties: { pattern: { const: string } } }; then: { required: string[] } }>)
      .filter((rule) => rule.then.required.includes("vectorStore"))
      .map((rule) => rule.if.properties.pattern.const),
  );
  const cases = PATTERNS.flatMap((pattern) =>
    targets.flatMap((target) =>
      [...engines, ...(requiredFor.has(pattern) ? [] : [NONE])].map((engine) => [pattern, target, engine] as const),
    ),
  );

  it("covers the schema's patterns, targets and engines", () => {
    expect(targets).toEqual(["aws", "kubernetes"]);
    expect(engines).toEqual(expect.arrayContaining(["auroraPgvector", "opensearchServerless", "qdrant", "pgvector"]));
    expect(requiredFor).toEqual(new Set(["rag"]));
    expect(cases.length).toBe(PATTERNS.length * targets.length * (engines.length + 1) - targets.length);
  });

  it.each(cases)(
    "%s on %s with %s",
    async (pattern, target, choice) => {
      const engine = choice === NONE ? undefined : choice;
      const document = parse(readFileSync(join(ROOT, "examples", EXAMPLE_FOR[pattern]), "utf8")) as {
        metadata: { name: string };
        spec: Record<string, any>;
      };
      document.metadata.name = `m-${pattern.toLowerCase()}-${target}-${engine ?? "none"}`.slice(0, 60).toLowerCase();
      document.spec.target = { ...document.spec.target, provider: target };
      document.spec.platform = {
        ...platformOf(),
        ...document.spec.platform,
        images: { ...(platformOf().images as object), ...document.spec.platform?.images },
      };
      if (engine) document.spec.vectorStore = { ...(document.spec.vectorStore ?? { dimensions: 1024 }), engine };
      else delete document.spec.vectorStore;
      const [loaded] = loadSpecText(stringify(document), `${pattern}-${target}-${engine ?? "none"}.yaml`);
      expect(loaded!.violations).toEqual([]);
      const findings = validateLoadedSpec(loaded!, policies);
      const refusals = findings.filter((finding) => finding.id === "LLM-PLAT-003");
      const plan = await planOffline(loaded!.value, "matrix");
      const built = plan.resources.filter((resource) => VECTOR_COMPONENTS.has(resource.type));
      if (!engine) {
        expect(refusals).toEqual([]);
        expect(built).toEqual([]);
        return;
      }
      if (refusals.length > 0) {
        expect(built).toEqual([]);
        expect(refusals.map((finding) => [finding.path, finding.severity])).toEqual([
          ["/spec/vectorStore/engine", "high"],
        ]);
        expect(refusals[0]!.line).toBeGreaterThan(0);
      } else {
        expect(built.map((resource) => resource.type)).toHaveLength(1);
        expect(built[0]!.type).toBe(
          ["auroraPgvector", "opensearchServerless"].includes(engine)
            ? "llmops:aws:VectorStore"
            : "llmops:kubernetes:InClusterVectorDatabase",
        );
      }
    },
    120_000,
  );
});
