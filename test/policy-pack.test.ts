/**
 * The CrossGuard pack's policies driven directly with synthetic stack-validation arguments
 * (as the CrossGuard testing guidance suggests): the same finding ids as `llmops check` on
 * the same resources, enforcement from severity, unknown values reported, engine errors
 * failing closed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { PolicyEngine } from "../policies/engine/engine.js";
import type { CatalogEntry } from "../policies/engine/catalog.js";
import { readRuntimeFile } from "../policies/engine/adapters/read-runtime-file.js";
import { UNEVALUATED_POLICY, UNKNOWN_PLACEHOLDER, buildPolicies, enforcementFor } from "../policies/pack/policies.js";
import { ROOT } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";

const ready = bundleBuilt();

function policyResource(resource: { urn: string; type: string; name: string; props: Record<string, unknown> }): PolicyResource {
  return {
    urn: resource.urn, type: resource.type, name: resource.name, props: resource.props,
    opts: {} as PolicyResource["opts"], dependencies: [], propertyDependencies: {},
    isType: () => false, asType: () => undefined,
  };
}

function args(resources: PolicyResource[]): StackValidationArgs {
  return { resources, stackTags: new Map(), getConfig: <T extends object>() => ({}) as T, notApplicable: () => { throw new Error("n/a"); } };
}

async function run(policies: StackValidationPolicy[], stack: StackValidationArgs) {
  const violations: Array<{ policy: string; message: string; urn?: string }> = [];
  for (const policy of policies) {
    await policy.validateStack(stack, (message, urn) => violations.push({ policy: policy.name, message, ...(urn ? { urn } : {}) }));
  }
  return violations;
}

describe.skipIf(!ready)("CrossGuard policy pack", () => {
  let catalog: CatalogEntry[];
  let engine: PolicyEngine;
  beforeAll(async () => {
    catalog = JSON.parse(readFileSync(join(BUNDLE_DIR, "catalog.json"), "utf8")) as CatalogEntry[];
    engine = await PolicyEngine.load(BUNDLE_DIR);
  });

  it("declares one policy per runtime check, enforcement from severity", () => {
    const policies = buildPolicies(catalog, () => Promise.resolve(engine));
    const runtime = catalog.filter((entry) => entry.package.startsWith("llmops.runtime."));
    expect(policies).toHaveLength(runtime.length + 1);
    for (const entry of runtime) {
      const policy = policies.find((candidate) => candidate.name === entry.id.toLowerCase())!;
      expect(policy.enforcementLevel).toBe(entry.severity === "critical" || entry.severity === "high" ? "mandatory" : "advisory");
    }
    expect(enforcementFor("medium")).toBe("advisory");
  });

  it("reports the same finding ids as llmops check on the same resources, with severity, remediation and frameworks", async () => {
    const resources = [
      ...readRuntimeFile(join(ROOT, "examples/runtime/naive-vllm.helm-template.yaml")).resources,
      ...readRuntimeFile(join(ROOT, "examples/runtime/airport-assistant.stack-export.json")).resources,
    ];
    // As CrossGuard hands them over: no ids, but property dependencies on the resources referred to.
    const byId = new Map(resources.filter((resource) => resource.id).map((resource) => [resource.id!, resource]));
    const policyResources = resources.map((resource) => policyResource(resource));
    const byUrn = new Map(policyResources.map((resource) => [resource.urn, resource]));
    for (const resource of policyResources) {
      for (const [property, value] of Object.entries(resource.props)) {
        const target = typeof value === "string" ? byId.get(value) : undefined;
        if (target) resource.propertyDependencies[property] = [byUrn.get(target.urn)!];
      }
    }
    const policies = buildPolicies(catalog, () => Promise.resolve(engine));
    const violations = await run(policies, args(policyResources));
    const packIds = violations.filter((violation) => violation.policy !== UNEVALUATED_POLICY).map((violation) => /^\[(LLM-[A-Z0-9]+-\d{3})\]/.exec(violation.message)![1]!);
    const checkIds = engine.evaluateRuntime({ resources }).map((finding) => finding.id);
    expect(packIds.length).toBeGreaterThan(10);
    expect([...packIds].sort()).toEqual([...checkIds].sort());
    const example = violations.find((violation) => violation.message.startsWith("[LLM-K8S-013]"))!;
    expect(example.message).toMatch(/\[critical\] .* Remediation: .* Frameworks: .*nsa-cisa-k8s/);
    expect(example.urn).toBe("k8s:llm:Service:vllm");
  });

  it("reports unknown values as 'could not be evaluated' and still evaluates the rest", async () => {
    const spec: Record<string, unknown> = { type: "LoadBalancer" };
    const props = new Proxy(spec, {
      ownKeys: () => ["type", "loadBalancerSourceRanges"],
      getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
      get: (target, key) => {
        if (key === "loadBalancerSourceRanges") throw new Error("unknown value at .spec.loadBalancerSourceRanges can't be known during preview");
        return typeof key === "string" ? target[key] : undefined;
      },
    });
    const service = policyResource({ urn: "urn:pulumi:dev::p::kubernetes:core/v1:Service::gw", type: "kubernetes:core/v1:Service", name: "gw", props: { apiVersion: "v1", kind: "Service", metadata: { name: "gw" }, spec: props } });
    const violations = await run(buildPolicies(catalog, () => Promise.resolve(engine)), args([service]));
    const unevaluated = violations.filter((violation) => violation.policy === UNEVALUATED_POLICY);
    expect(unevaluated).toHaveLength(1);
    expect(unevaluated[0]!.message).toMatch(/could not be evaluated: 1 property is unknown during preview \(\/spec\/loadBalancerSourceRanges\)/);
    expect(UNKNOWN_PLACEHOLDER).toMatch(/unknown/);
  });

  it("fails closed: an engine that cannot load makes every policy throw, aborting the preview", async () => {
    const policies = buildPolicies(catalog, () => Promise.reject(new Error("policy.wasm does not match its digest")));
    await expect(run(policies, args([]))).rejects.toThrow(/does not match its digest/);
  });
});
