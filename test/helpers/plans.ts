/** Plans the examples once per test file through the real CLI (offline, under Pulumi mocks). */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { PlanDocument, PlannedResource } from "../../stacks/offline-plan.js";
import { PolicyEngine } from "../../policies/engine/engine.js";
import { ROOT, runCli, tempDir } from "./cli.js";
import { BUNDLE_DIR } from "./tools.js";

/** A planned resource (stacks/offline-plan.ts) with its props loosely typed, for deep reads in assertions. */
export type Resource = Omit<PlannedResource, "props"> & { readonly props: Record<string, any> };

/**
 * The plan document `llmops plan -f json` writes (stacks/offline-plan.ts's PlanDocument), its
 * resources typed as above and its spec, read back from JSON, loosely typed for assertions.
 */
export type Plan = Omit<PlanDocument, "resources" | "spec"> & { readonly resources: Resource[]; readonly spec: any };

export function examplesFor(target: "aws" | "kubernetes" | "any"): string[] {
  return readdirSync(join(ROOT, "examples"))
    .filter((file) => file.endsWith(".yaml"))
    .filter(
      (file) =>
        target === "any" ||
        (parse(readFileSync(join(ROOT, "examples", file), "utf8")) as { spec: { target: { provider: string } } }).spec
          .target.provider === target,
    )
    .sort();
}

export function planExample(example: string, target?: "aws" | "kubernetes"): Plan {
  return planSpecFile(join("examples", example), target);
}

/**
 * Plans any spec file (relative to the repository root, or absolute); throws with stderr on refusal.
 * A preview (`--without-evidence`): most examples are production specs whose evaluation gates have
 * no committed evidence; test/evidence-gate.test.ts covers the plan's evidence gate.
 */
export function planSpecFile(file: string, target?: "aws" | "kubernetes"): Plan {
  const out = join(tempDir("llmops-plan-"), "plan.json");
  const result = runCli(
    ["plan", file, "--without-evidence", "--out", out, "-f", "json", ...(target ? ["--target", target] : [])],
    { timeoutMs: 60_000 },
  );
  if (result.status !== 0) throw new Error(`plan of ${file} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(readFileSync(out, "utf8")) as Plan;
}

/** Loads the built policy engine (dist/bundle), then makes the plan: what a describe block's beforeAll sets up. */
export async function engineAnd<T>(makePlan: () => T): Promise<{ engine: PolicyEngine; plan: T }> {
  const engine = await PolicyEngine.load(BUNDLE_DIR);
  return { engine, plan: makePlan() };
}

export function ofType(plan: Plan, type: string): Resource[] {
  return plan.resources.filter((resource) => resource.type === type);
}

/** Pod templates of every workload (Deployment, StatefulSet, DaemonSet, Job). */
export function podTemplates(plan: Plan): Array<{ owner: string; spec: any; metadata: any }> {
  return plan.resources
    .filter((resource) =>
      /^kubernetes:(apps\/v1:(Deployment|StatefulSet|DaemonSet)|batch\/v1:Job)$/.test(resource.type),
    )
    .map((resource) => ({
      owner: `${resource.type} ${resource.name}`,
      spec: resource.props.spec.template.spec,
      metadata: resource.props.spec.template.metadata,
    }));
}

/**
 * The campaign summariser on pgvector, a database per brand: the example with its engine, tenancy
 * and image swapped (the image digest is a placeholder; nothing pulls it). Returns the spec file.
 */
export function pgvectorCampaignSpec(): string {
  const file = join(tempDir("llmops-campaign-pg-"), "campaign-summariser.rag.yaml");
  writeFileSync(
    file,
    readFileSync(join(ROOT, "examples/campaign-summariser.rag.yaml"), "utf8")
      .replace(/^    engine: qdrant$/m, "    engine: pgvector")
      .replace(/^    tenancy: collectionPerTenant$/m, "    tenancy: databasePerTenant")
      .replace(
        /platform\/qdrant, digest: "sha256:[a-f0-9]{64}"/,
        `platform/pgvector, digest: "sha256:${"a".repeat(64)}"`,
      ),
  );
  return file;
}
