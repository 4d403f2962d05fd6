/**
 * `llmops plan`: run the real stack program offline under Pulumi's mock runtime (no
 * credentials, no network) and record every registered resource as the runtime-input
 * document: { resources: [{ urn, type, name, props, parent }], spec }. The output is
 * deterministic: resources are sorted by URN and nothing depends on time.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import { sortKeys } from "../policies/engine/sort-keys.js";
import type { RuntimeResource } from "../policies/engine/runtime-input.js";
import { MOCK_NOTE, llmopsMocks, type RecordedResource } from "./mocks.js";
import { resolvedValue, runInStack, waitForRegistrations } from "./pulumi-internals.js";

/** A planned resource is a runtime resource (its id, when present, is the mocked one). */
export type PlannedResource = Omit<RuntimeResource, "refs" | "source">;

export interface PlanDocument {
  readonly kind: "llmops-plan";
  readonly stack: string;
  readonly target: string;
  readonly mocked: string;
  readonly policyBundleRevision: string;
  readonly resources: PlannedResource[];
  readonly spec: LLMOpsStack;
}

const PROJECT = "responsible-llmops";

/** Runs the stack program for `spec` under Pulumi's mock runtime (no credentials, nothing deployed) and returns the plan document: every resource with its type, name, parent and inputs (keys sorted, so two runs serialise byte-identically), the spec and the bundle revision. */
export async function planOffline(spec: LLMOpsStack, bundleRevision: string): Promise<PlanDocument> {
  const { runtime } = await import("@pulumi/pulumi");
  const recorded: RecordedResource[] = [];
  const stackName = spec.metadata.environment;
  await runtime.setMocks(llmopsMocks(spec.spec.target.region, recorded), PROJECT, stackName, false);
  const registered: Array<{ resource: pulumi.Resource; type: string; name: string; parent?: pulumi.Resource }> = [];
  const { defineStack } = await import("./program.js");
  await runInStack(async () => {
    runtime.registerStackTransformation((args) => {
      registered.push({
        resource: args.resource,
        type: args.type,
        name: args.name,
        ...(args.opts.parent ? { parent: args.opts.parent } : {}),
      });
      return undefined;
    });
    return defineStack(spec, { bundleRevision });
  });
  await waitForRegistrations();

  const recordedByKey = new Map(recorded.map((resource) => [`${resource.type}::${resource.name}`, resource]));
  const urns = new Map<pulumi.Resource, string>();
  for (const entry of registered) urns.set(entry.resource, (await resolvedValue(entry.resource.urn)) ?? "");
  const resources = registered
    .map((entry): PlannedResource => {
      const urn = urns.get(entry.resource)!;
      const parent = entry.parent ? urns.get(entry.parent) : undefined;
      const record = recordedByKey.get(`${entry.type}::${entry.name}`);
      return {
        urn,
        type: entry.type,
        name: entry.name,
        ...(record?.id ? { id: record.id } : {}),
        props: sortKeys(record?.inputs ?? {}) as Record<string, unknown>, // sorted: two runs serialise byte-identically
        ...(parent ? { parent } : {}),
      };
    })
    .sort((a, b) => a.urn.localeCompare(b.urn));
  const byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
  const withComponents = resources.map((resource) => {
    const path = componentPath(resource, byUrn);
    return path.length > 0 ? { ...resource, component: path.join("/") } : resource;
  });
  return {
    kind: "llmops-plan",
    stack: spec.metadata.name,
    target: spec.spec.target.provider,
    mocked: MOCK_NOTE,
    policyBundleRevision: bundleRevision,
    resources: withComponents,
    spec,
  };
}

/**
 * Component path of a resource: the names of the resources above it, root first. Built from
 * the parent links, not from the URN (whose type chain the mock monitor abbreviates).
 */
export function componentPath(resource: PlannedResource, byUrn: ReadonlyMap<string, PlannedResource>): string[] {
  const path: string[] = [];
  let parent = resource.parent ? byUrn.get(resource.parent) : undefined;
  while (parent) {
    path.unshift(parent.name);
    parent = parent.parent ? byUrn.get(parent.parent) : undefined;
  }
  return path;
}
