/**
 * The CrossGuard pack's policies driven directly with synthetic stack-validation arguments
 * (as the CrossGuard testing guidance suggests): the same finding ids as `llmops check` on
 * the same resources, enforcement from severity, unknown values reported, engine errors
 * failing closed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { PolicyEngine } from "../policies/engine/engine.js";
import type { CatalogEntry } from "../policies/engine/catalog.js";
import { readRuntimeFile } from "../policies/engine/adapters/read-runtime-file.js";
import {
  UNEVALUATED_POLICY,
  UNKNOWN_PLACEHOLDER,
  WAIVED_POLICY,
  buildPolicies,
  enforcementFor,
} from "../policies/pack/policies.js";
import { EVIDENCE_ADVISORY_POLICY, EVIDENCE_POLICY } from "../policies/pack/evidence.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { parseDocument } from "yaml";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";

const ready = bundleBuilt();

function policyResource(resource: {
  urn: string;
  type: string;
  name: string;
  props: Record<string, unknown>;
}): PolicyResource {
  return {
    urn: resource.urn,
    type: resource.type,
    name: resource.name,
    props: resource.props,
    opts: {} as PolicyResource["opts"],
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  };
}

/** Stack-validation arguments; `config` is what CrossGuard gives every policy (only llmops-evidence reads it). */
function args(resources: PolicyResource[], config: object = {}): StackValidationArgs {
  return {
    resources,
    stackTags: new Map(),
    getConfig: <T extends object>() => config as T,
    notApplicable: () => {
      throw new Error("n/a");
    },
  };
}

const EVIDENCE_POLICIES = new Set([EVIDENCE_POLICY, EVIDENCE_ADVISORY_POLICY, WAIVED_POLICY]);

async function run(policies: StackValidationPolicy[], stack: StackValidationArgs) {
  const violations: Array<{ policy: string; message: string; urn?: string }> = [];
  for (const policy of policies) {
    await policy.validateStack(stack, (message, urn) =>
      violations.push({ policy: policy.name, message, ...(urn ? { urn } : {}) }),
    );
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
    expect(policies).toHaveLength(runtime.length + 4);
    // llmops-evidence first: the runtime checks read the spec it loads.
    expect(policies[0]!.name).toBe(EVIDENCE_POLICY);
    expect(policies.find((policy) => policy.name === EVIDENCE_POLICY)!.enforcementLevel).toBe("mandatory");
    expect(policies.find((policy) => policy.name === EVIDENCE_ADVISORY_POLICY)!.enforcementLevel).toBe("advisory");
    for (const entry of runtime) {
      const policy = policies.find((candidate) => candidate.name === entry.id.toLowerCase())!;
      expect(policy.enforcementLevel).toBe(
        entry.severity === "critical" || entry.severity === "high" ? "mandatory" : "advisory",
      );
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
    const packIds = violations
      .filter((violation) => violation.policy !== UNEVALUATED_POLICY && !EVIDENCE_POLICIES.has(violation.policy))
      .map((violation) => /^\[(LLM-[A-Z0-9]+-\d{3})\]/.exec(violation.message)![1]!);
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
        if (key === "loadBalancerSourceRanges")
          throw new Error("unknown value at .spec.loadBalancerSourceRanges can't be known during preview");
        return typeof key === "string" ? target[key] : undefined;
      },
    });
    const service = policyResource({
      urn: "urn:pulumi:dev::p::kubernetes:core/v1:Service::gw",
      type: "kubernetes:core/v1:Service",
      name: "gw",
      props: { apiVersion: "v1", kind: "Service", metadata: { name: "gw" }, spec: props },
    });
    const violations = await run(
      buildPolicies(catalog, () => Promise.resolve(engine)),
      args([service]),
    );
    const unevaluated = violations.filter((violation) => violation.policy === UNEVALUATED_POLICY);
    expect(unevaluated).toHaveLength(1);
    expect(unevaluated[0]!.message).toMatch(
      /could not be evaluated: 1 property is unknown during preview \(\/spec\/loadBalancerSourceRanges\)/,
    );
    expect(UNKNOWN_PLACEHOLDER).toMatch(/unknown/);
  });

  describe("the evidence decision (issue 20): the stack program's gate, on the pack's llmops-evidence config", () => {
    const SPEC = join(ROOT, "examples/campaign-summariser.rag.yaml");
    const EVIDENCE = join(ROOT, "examples/evidence/campaign-summariser.evidence.yaml");
    const AS_OF = "2026-12-01T00:00:00Z";
    const evidenceViolations = async (config: object) =>
      (
        await run(
          buildPolicies(catalog, () => Promise.resolve(engine)),
          args([], config),
        )
      ).filter((violation) => EVIDENCE_POLICIES.has(violation.policy));

    it("passing evidence: no evidence violation", async () => {
      expect(await evidenceViolations({ spec: SPEC, evidence: [EVIDENCE], asOf: AS_OF })).toEqual([]);
    });

    it("gate block, BLEU below its threshold: a mandatory llmops-evidence violation with LLM-EVID-003", async () => {
      const failing = join(tempDir(), "failing.yaml");
      writeFileSync(failing, readFileSync(EVIDENCE, "utf8").replace(/value: 0\.811\d+/, "value: 0.12"));
      const violations = await evidenceViolations({ spec: SPEC, evidence: [failing], asOf: AS_OF });
      expect(violations.map((violation) => violation.policy)).toEqual([EVIDENCE_POLICY]);
      expect(violations[0]!.message).toMatch(/^\[LLM-EVID-003\] \[high\] bleu of model mistral-7b is 0\.12/);
    });

    it("a production gate: block spec with no evidence configured: mandatory LLM-EVID-001, as the stack program refuses it", async () => {
      const violations = await evidenceViolations({ spec: SPEC });
      expect(
        violations.map((violation) => [violation.policy, /^\[(LLM-[A-Z]+-\d+)\]/.exec(violation.message)?.[1]]),
      ).toEqual([[EVIDENCE_POLICY, "LLM-EVID-001"]]);
      expect(violations[0]!.message).toMatch(/no evaluation evidence was configured/);
    });

    it("gate warn: the same problem is an advisory LLM-EVID-009", async () => {
      const warn = join(tempDir(), "warn.yaml");
      writeFileSync(warn, readFileSync(SPEC, "utf8").replace("gate: block", "gate: warn"));
      const failing = join(tempDir(), "failing-warn.yaml");
      writeFileSync(failing, readFileSync(EVIDENCE, "utf8").replace(/value: 0\.811\d+/, "value: 0.12"));
      const violations = await evidenceViolations({ spec: warn, evidence: [failing], asOf: AS_OF });
      expect(violations.map((violation) => violation.policy)).toEqual([EVIDENCE_ADVISORY_POLICY]);
      expect(violations[0]!.message).toMatch(/^\[LLM-EVID-009\] \[medium\] \(gate: warn\) bleu/);
    });

    it("without a configured spec the decision is reported as not evaluated (advisory)", async () => {
      const violations = await evidenceViolations({});
      expect(violations).toEqual([
        {
          policy: EVIDENCE_ADVISORY_POLICY,
          message: expect.stringMatching(/^evidence not evaluated: no spec configured/),
        },
      ]);
    });

    it("tampered or unreadable evidence fails closed (the policy throws)", async () => {
      await expect(evidenceViolations({ spec: SPEC, evidence: [join(tempDir(), "missing.yaml")] })).rejects.toThrow();
    });
  });

  describe("the configured spec: the pack judges declared controls and honours waivers as llmops plan does", () => {
    // The claims explainer on kubernetes calls Bedrock, whose invocation logging only the aws target
    // builds: LLM-AWS-037 reads input.spec, so it fires only where the spec is known.
    const SPEC = join(ROOT, "examples/claims-explainer.blackbox.yaml");
    let resources: PolicyResource[];
    let dir: string;
    beforeAll(() => {
      dir = tempDir();
      const plan = join(dir, "plan.json");
      const result = runCli(
        ["plan", "--without-evidence", "--target", "kubernetes", SPEC, "--out", plan, "-f", "json"],
        {
          timeoutMs: 90_000,
        },
      );
      expect(result.status, result.stderr).toBe(1);
      resources = readRuntimeFile(plan).resources.map((resource) => policyResource(resource));
    }, 120_000);
    const kubernetesSpec = (name: string, exceptions: object[]) => {
      const document = parseDocument(readFileSync(SPEC, "utf8"));
      document.setIn(["spec", "target", "provider"], "kubernetes");
      document.setIn(["spec", "exceptions"], exceptions);
      const file = join(dir, name);
      writeFileSync(file, document.toString());
      return file;
    };
    const aws037 = (violations: Array<{ policy: string; message: string }>) =>
      violations
        .filter((violation) => violation.message.includes("[LLM-AWS-037]"))
        .map((violation) => violation.policy);

    it("without a spec the declared-control check cannot fire; with it, the mandatory violations plan reports", async () => {
      const policies = () => buildPolicies(catalog, () => Promise.resolve(engine));
      expect(aws037(await run(policies(), args(resources)))).toEqual([]);
      const withSpec = await run(policies(), args(resources, { spec: kubernetesSpec("bare.yaml", []) }));
      expect(aws037(withSpec)).toEqual(["llm-aws-037", "llm-aws-037"]);
    });

    it("a current exception moves them to llmops-waived (advisory), with reason, approver and expiry", async () => {
      const waived = kubernetesSpec("waived.yaml", [
        { policyId: "LLM-AWS-037", reason: "logged account-wide", approver: "ciso@example.com", expires: "2099-12-31" },
      ]);
      const violations = await run(
        buildPolicies(catalog, () => Promise.resolve(engine)),
        args(resources, { spec: waived }),
      );
      expect(aws037(violations)).toEqual([WAIVED_POLICY, WAIVED_POLICY]);
      for (const violation of violations.filter((candidate) => candidate.policy === WAIVED_POLICY))
        expect(violation.message).toMatch(
          /^waived until 2099-12-31 by ciso@example\.com \(logged account-wide\): \[LLM-AWS-037\]/,
        );
    });
  });

  it("evaluates once per stack validation although CrossGuard hands each policy its own copy of the resources", async () => {
    const resources = readRuntimeFile(join(ROOT, "examples/runtime/naive-vllm.helm-template.yaml")).resources;
    let evaluations = 0;
    const counting = new Proxy(engine, {
      get: (target, key, receiver) =>
        key === "evaluateRuntime"
          ? (...input: Parameters<PolicyEngine["evaluateRuntime"]>) => {
              evaluations++;
              return target.evaluateRuntime(...input);
            }
          : Reflect.get(target, key, receiver),
    });
    const policies = buildPolicies(catalog, () => Promise.resolve(counting));
    let violations = 0;
    for (const policy of policies) {
      // A fresh deserialised copy per policy, as @pulumi/policy's analyzer builds one.
      const copy = resources.map((resource) => policyResource({ ...resource, props: structuredClone(resource.props) }));
      await policy.validateStack(args(copy), () => violations++);
    }
    expect(violations).toBeGreaterThan(10);
    expect(evaluations).toBe(1);
    // Different resources are judged again, never answered from the cache.
    const changed = resources.map((resource) =>
      policyResource({ ...resource, props: structuredClone(resource.props) }),
    );
    changed[0]!.props = { ...changed[0]!.props, changed: true };
    await policies[1]!.validateStack(args(changed), () => undefined);
    expect(evaluations).toBe(2);
  });

  it("fails closed: an engine that cannot load makes every policy throw, aborting the preview", async () => {
    const policies = buildPolicies(catalog, () => Promise.reject(new Error("policy.wasm does not match its digest")));
    await expect(run(policies, args([]))).rejects.toThrow(/does not match its digest/);
  });
});
