/**
 * Issue 18, the remaining pieces: Bedrock reached through its own VPC interface endpoint limited
 * to the declared models (LLM-AWS-039), the agent's pods kept from its tool servers by
 * NetworkPolicy (LLM-TOOLS-002), the embedded pattern's data-processing terms held to the data
 * (LLM-EMB-004), and fairness and memorisation metrics with a per-metric gate (LLM-EVAL-006/007,
 * the evidence gate). Plans are the examples' own, offline under Pulumi mocks; a workload is
 * removed from or widened in the plan, never the spec, and the matching check must fire.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { PolicyEngine } from "../policies/engine/engine.js";
import { bedrockEndpointPolicy, validateBedrockPrivateEndpointArgs } from "../components/aws/bedrock-endpoint.js";
import { agentEgressPolicySpec } from "../components/kubernetes/tool-gateway.js";
import { bundleBuilt } from "./helpers/tools.js";
import { engineAnd, planExample, type Plan, type Resource } from "./helpers/plans.js";
import { runCli, tempDir } from "./helpers/cli.js";

const ready = bundleBuilt();
const CLAUDE = "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0";
/** The claims explainer's model, in its target region (us-east-1). */
const CLAIMS_MODEL = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0";

function ids(engine: PolicyEngine, resources: Resource[], spec: unknown): string[] {
  return engine.evaluateRuntime({ resources, spec }).map((finding) => finding.id);
}

function findingsOf(spec: Record<string, any>): Array<{ id: string; severity: string; path: string }> {
  const file = join(tempDir("llmops-conn-"), "spec.yaml");
  writeFileSync(file, stringify(spec));
  const result = runCli(["validate", file, "-f", "json"]);
  expect(result.status, result.stderr).toBeLessThan(2);
  return (JSON.parse(result.stdout) as { findings: Array<{ id: string; severity: string; path: string }> }).findings;
}

const starter = (pattern: string) =>
  parse(runCli(["init", "--pattern", pattern, "--out=-"]).stdout) as Record<string, any>;

describe("Bedrock endpoint policy and agent egress, as AWS and the network plugin read them", () => {
  it("the endpoint policy allows the two invoke actions on exactly the declared models, for the stack's account", () => {
    const [statement] = (JSON.parse(bedrockEndpointPolicy([CLAUDE], "123456789012")) as { Statement: any[] }).Statement;
    expect(statement).toMatchObject({
      Effect: "Allow",
      Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
      Resource: [CLAUDE],
    });
    expect(statement.Condition).toEqual({ StringEquals: { "aws:PrincipalAccount": "123456789012" } });
    const args = {
      vpcId: "vpc",
      subnetIds: ["a"],
      clientSecurityGroupIds: ["sg"],
      region: "eu-west-1",
      accountId: "1",
      tags: {},
    };
    expect(() => validateBedrockPrivateEndpointArgs({ ...args, modelArns: [] })).toThrow(/at least one/);
    expect(() =>
      validateBedrockPrivateEndpointArgs({ ...args, modelArns: ["arn:aws:bedrock:eu-west-1::foundation-model/*"] }),
    ).toThrow(/no wildcards/);
    expect(() =>
      validateBedrockPrivateEndpointArgs({ ...args, modelArns: [CLAUDE], clientSecurityGroupIds: [] }),
    ).toThrow(/security group/);
    expect(() => validateBedrockPrivateEndpointArgs({ ...args, modelArns: [CLAUDE] })).not.toThrow();
  });

  it("the agent's pods may reach the gateway's edge port and nothing else", () => {
    expect(agentEgressPolicySpec("gateway", 8443)).toEqual({
      podSelector: { matchLabels: { "llmops.dev/role": "agent" } },
      policyTypes: ["Egress"],
      egress: [
        {
          to: [{ podSelector: { matchLabels: { "llmops.dev/role": "gateway" } } }],
          ports: [{ protocol: "TCP", port: 8443 }],
        },
      ],
    });
  });
});

describe.skipIf(!ready)("black-box example on aws: Bedrock through its private endpoint", () => {
  let engine: PolicyEngine;
  let plan: Plan;
  beforeAll(
    async () => void ({ engine, plan } = await engineAnd(() => planExample("claims-explainer.blackbox.yaml", "aws"))),
    120_000,
  );

  const endpoint = (resources: Resource[]) =>
    resources.find(
      (resource) =>
        resource.type === "aws:ec2/vpcEndpoint:VpcEndpoint" &&
        String(resource.props.serviceName).endsWith(".bedrock-runtime"),
    )!;

  it("plans one bedrock-runtime endpoint with private DNS in the private subnets, its own security group from the cluster, a policy on the declared model, and is clean", () => {
    const found = plan.resources.filter(
      (resource) =>
        resource.type === "aws:ec2/vpcEndpoint:VpcEndpoint" &&
        String(resource.props.serviceName).endsWith(".bedrock-runtime"),
    );
    expect(found).toHaveLength(1);
    const vpce = found[0]!;
    expect(vpce.props).toMatchObject({ vpcEndpointType: "Interface", privateDnsEnabled: true });
    const byId = new Map(plan.resources.map((resource) => [`mocked-${resource.name}`, resource]));
    for (const subnet of vpce.props.subnetIds as string[])
      expect(byId.get(subnet)?.props.tags["llmops:tier"]).toBe("private");
    const [groupId] = vpce.props.securityGroupIds as string[];
    const group = byId.get(groupId!)!;
    expect(group.name).toBe("claims-explainer-bedrock-sg");
    expect(group.props.ingress).toEqual([
      expect.objectContaining({ fromPort: 443, toPort: 443, securityGroups: [expect.stringMatching(/^mocked-sg-/)] }),
    ]);
    expect(group.props.ingress[0].cidrBlocks).toBeUndefined();
    const [statement] = (JSON.parse(vpce.props.policy as string) as { Statement: any[] }).Statement;
    expect(statement.Resource).toEqual([CLAIMS_MODEL]);
    expect(ids(engine, plan.resources, plan.spec)).toEqual([]);
  });

  it("removing the endpoint from the plan fires LLM-AWS-039", () => {
    const kept = plan.resources.filter((resource) => resource !== endpoint(plan.resources));
    expect(kept).toHaveLength(plan.resources.length - 1);
    expect(ids(engine, kept, plan.spec)).toContain("LLM-AWS-039");
  });

  it.each([
    ["every action", { Action: "*" }],
    ["every resource", { Resource: "*" }],
    [
      "another model too",
      { Resource: [CLAIMS_MODEL, "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-70b-instruct-v1:0"] },
    ],
  ])("an endpoint policy allowing %s fires LLM-AWS-039", (_what, widening) => {
    const resources = plan.resources.map((resource) => {
      if (resource !== endpoint(plan.resources)) return resource;
      const copy = structuredClone(resource);
      const document = JSON.parse(copy.props.policy as string) as { Statement: Array<Record<string, unknown>> };
      document.Statement[0] = { ...document.Statement[0], ...widening };
      copy.props.policy = JSON.stringify(document);
      return copy;
    });
    expect(ids(engine, resources, plan.spec)).toEqual(["LLM-AWS-039"]);
  });
});

describe.skipIf(!ready)("agent example on kubernetes: the agent's pods reach tools only through the gateway", () => {
  let engine: PolicyEngine;
  let plan: Plan;
  beforeAll(
    async () => void ({ engine, plan } = await engineAnd(() => planExample("ops-agent.agent.yaml", "kubernetes"))),
    120_000,
  );

  const isPolicy = (resource: Resource, name: string) =>
    resource.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy" && resource.props.metadata.name === name;

  it("plans the agent-egress NetworkPolicy to the gateway, the gateway admits the agent, and the plan is clean", () => {
    const egress = plan.resources.find((resource) => isPolicy(resource, "agent-egress"))!;
    expect(egress.props.spec).toEqual(agentEgressPolicySpec("gateway", 8443));
    const gateway = plan.resources.find((resource) => isPolicy(resource, "gateway"))!;
    expect(gateway.props.spec.ingress[0].from).toContainEqual({
      podSelector: { matchLabels: { "llmops.dev/role": "agent" } },
    });
    expect(ids(engine, plan.resources, plan.spec)).toEqual([]);
  });

  it("removing every policy that restricts the agent's egress from the plan fires LLM-TOOLS-002", () => {
    const kept = plan.resources.filter(
      (resource) =>
        !isPolicy(resource, "agent-egress") &&
        !isPolicy(resource, "default-deny-all") &&
        !isPolicy(resource, "allow-dns-egress"),
    );
    const inStack = (resource: Resource) => resource.props.metadata?.namespace === "ops-agent";
    expect(
      plan.resources.filter(
        (resource) =>
          inStack(resource) &&
          ["agent-egress", "default-deny-all", "allow-dns-egress"].some((name) => isPolicy(resource, name)),
      ),
    ).toHaveLength(3);
    expect(ids(engine, kept, plan.spec)).toContain("LLM-TOOLS-002");
  });

  it("an agent egress rule that admits a tool server's pods fires LLM-TOOLS-002", () => {
    const resources = plan.resources.map((resource) => {
      if (!isPolicy(resource, "agent-egress")) return resource;
      const copy = structuredClone(resource);
      copy.props.spec.egress[0].to.push({
        podSelector: { matchLabels: { "llmops.dev/role": "tool-restart-service" } },
      });
      return copy;
    });
    expect(ids(engine, resources, plan.spec)).toEqual(["LLM-TOOLS-002"]);
  });
});

describe.skipIf(!ready)("spec fields for data terms, fairness, memorisation and per-metric gates", () => {
  it("confidential personal data sent to an embedded LLM whose terms allow training and vendor-defined retention gives a high LLM-EMB-004", () => {
    const spec = starter("embedded");
    spec.spec.data.sources[0] = {
      ...spec.spec.data.sources[0],
      classification: "confidential",
      containsPersonalData: true,
      qualityChecks: ["schema", "duplicates", "piiScan"],
    };
    spec.spec.embedded.dataProcessingTerms = {
      reference: "DPA",
      coversUpTo: "confidential",
      noTraining: false,
      retention: "vendorDefined",
      processingRegions: ["eu-west-1"],
    };
    const found = findingsOf(spec).filter((finding) => finding.id === "LLM-EMB-004");
    expect(found.map((finding) => [finding.severity, finding.path]).sort()).toEqual([
      ["high", "/spec/embedded/dataProcessingTerms/noTraining"],
      ["high", "/spec/embedded/dataProcessingTerms/retention"],
    ]);
    spec.spec.embedded.dataProcessingTerms = {
      ...spec.spec.embedded.dataProcessingTerms,
      noTraining: true,
      retention: "none",
    };
    expect(findingsOf(spec).filter((finding) => finding.id === "LLM-EMB-004")).toEqual([]);
  }, 60_000);

  it("a high-risk model that decides about people needs a fairness metric (LLM-EVAL-006); one fine-tuned on personal data a memorisation metric (LLM-EVAL-007)", () => {
    const deciding = starter("rag");
    deciding.spec.useCase = {
      ...deciding.spec.useCase,
      riskTier: "high",
      regulatedDomain: "credit",
      decisionRole: "decides",
    };
    expect(findingsOf(deciding)).toContainEqual(
      expect.objectContaining({ id: "LLM-EVAL-006", severity: "high", path: "/spec/models/0/evaluation/metrics" }),
    );
    deciding.spec.models[0].evaluation.metrics.push({
      name: "demographicParityDifference",
      threshold: 0.2,
      sensitiveFeature: "age-band",
    });
    const loose = findingsOf(deciding);
    expect(loose.filter((finding) => finding.id === "LLM-EVAL-006")).toEqual([]);
    // Lower is better: 0.2 is above the ceiling in policies/data.yaml.
    expect(loose).toContainEqual(
      expect.objectContaining({ id: "LLM-EVAL-002", path: "/spec/models/0/evaluation/metrics/2/threshold" }),
    );

    const tuned = starter("fineTuning");
    tuned.spec.fineTuning.datasets[0] = {
      ...tuned.spec.fineTuning.datasets[0],
      personalData: true,
      consentBasis: "contract",
      redaction: "pseudonymised",
    };
    expect(findingsOf(tuned).filter((finding) => finding.id === "LLM-EVAL-007")).toEqual([]);
    tuned.spec.models[0].evaluation.metrics = tuned.spec.models[0].evaluation.metrics.filter(
      (metric: { name: string }) => metric.name !== "verbatimExtractionRate",
    );
    expect(findingsOf(tuned)).toContainEqual(
      expect.objectContaining({ id: "LLM-EVAL-007", severity: "high", path: "/spec/models/0/evaluation/metrics" }),
    );
  }, 60_000);
});
