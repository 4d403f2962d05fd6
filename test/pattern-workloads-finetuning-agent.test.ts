/**
 * Each pattern's own workloads, built and checked: the fine-tuning example plans its dataset store
 * (own KMS key, gate-only bucket policy), the dataset gate, the GPU training Job and the
 * evaluation Job; the agent example plans the tool-approval queue and the gateway's MCP servers.
 * Both plans are clean, and removing a workload from the plan (never from the spec) fires the
 * matching runtime check. Also: the spec checks on fine-tuning datasets end to end (the issue's
 * raw HR case notes), and the components' pure functions as LiteLLM and the Jobs read them.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { PolicyEngine } from "../policies/engine/engine.js";
import {
  approvalGuardrail,
  defaultToolServer,
  mcpServers,
  toolApprovalPolicy,
  validateToolApprovalQueueArgs,
  type AgentTool,
} from "../components/kubernetes/tool-gateway.js";
import {
  evaluatorArgs,
  trainerArgs,
  validateFineTuningPipelineArgs,
  type FineTuningPipelineArgs,
} from "../components/kubernetes/fine-tuning-pipeline.js";
import { datasetStoreStatements, s3ObjectArn } from "../components/aws/fine-tuning-data.js";
import { bundleBuilt } from "./helpers/tools.js";
import { engineAnd, planExample, type Plan, type Resource } from "./helpers/plans.js";
import { runCli, tempDir } from "./helpers/cli.js";

const DIGEST = `sha256:${"a".repeat(64)}`;
const ready = bundleBuilt();

function ids(engine: PolicyEngine, resources: Resource[], spec: unknown): string[] {
  return engine.evaluateRuntime({ resources, spec }).map((finding) => finding.id);
}

function without(plan: Plan, predicate: (resource: Resource) => boolean): Resource[] {
  const kept = plan.resources.filter((resource) => !predicate(resource));
  expect(plan.resources.length - kept.length, "removes at least one resource").toBeGreaterThan(0);
  return kept;
}

describe("tool gateway and fine-tuning pipeline, as LiteLLM and the Jobs read them", () => {
  const tools: AgentTool[] = [
    {
      name: "read-ticket",
      impact: "low",
      permissions: ["tickets:read"],
      requiresApproval: false,
      server: defaultToolServer("read-ticket", "ops"),
    },
    {
      name: "restart-service",
      impact: "high",
      permissions: ["deployments:restart"],
      requiresApproval: true,
      server: "https://tools.example.com/mcp",
    },
    {
      name: "grant-access",
      impact: "high",
      permissions: ["groups:add-member"],
      requiresApproval: true,
      server: "https://tools.example.com/mcp",
    },
  ];

  it("registers each tool server once, with exactly its declared tools, and guards every tool call before it runs", () => {
    expect(mcpServers(tools)).toEqual({
      "tool-read-ticket": {
        url: "http://tool-read-ticket.ops.svc.cluster.local:8080/mcp",
        transport: "http",
        allowed_tools: ["read-ticket"],
      },
      tools: {
        url: "https://tools.example.com/mcp",
        transport: "http",
        allowed_tools: ["restart-service", "grant-access"],
      },
    });
    expect(approvalGuardrail("http://tool-approval.ops.svc.cluster.local:8080")).toMatchObject({
      litellm_params: { mode: "pre_mcp_call", default_on: true, guardrail: "generic_guardrail_api" },
    });
  });

  it("the approval queue denies by default, times out closed, counts steps and redacts audited arguments", () => {
    const policy = parse(
      toolApprovalPolicy({
        maxSteps: 15,
        approvalTimeoutSeconds: 900,
        tools,
        reviewerRoles: ["sre"],
        presidio: { analyzerUrl: "http://a:3000", anonymizerUrl: "http://b:3000" },
      }),
    ) as Record<string, any>;
    expect(policy.default).toBe("deny");
    expect(policy.maxStepsPerSession).toBe(15);
    expect(policy.approval).toMatchObject({
      timeoutSeconds: 900,
      onTimeout: "deny",
      reviewers: { roles: ["sre"], permission: "agent:approve" },
    });
    expect(policy.tools.filter((tool: any) => tool.requiresApproval).map((tool: any) => tool.name)).toEqual([
      "restart-service",
      "grant-access",
    ]);
    expect(policy.audit).toMatchObject({ sink: "stdout", arguments: "redacted" });
    const base = {
      stack: "s",
      namespace: "n",
      image: { repository: "r", digest: DIGEST },
      serviceAccountName: "sa",
      callerRoles: ["gateway"],
      egressTo: [],
      maxSteps: 15,
      approvalTimeoutSeconds: 900,
      tools,
      reviewerRoles: [] as string[],
    };
    expect(() => validateToolApprovalQueueArgs(base)).toThrow(/reviewer role/);
    expect(() => validateToolApprovalQueueArgs({ ...base, reviewerRoles: ["sre"] })).not.toThrow();
  });

  it("the training Job reads the base weights by digest and names every dataset version; the evaluation Job scores the output digest", () => {
    const args: FineTuningPipelineArgs = {
      stack: "s",
      namespace: "n",
      trainerImage: { repository: "t", digest: DIGEST },
      gateImage: { repository: "g", digest: DIGEST },
      evaluatorImage: { repository: "e", digest: DIGEST },
      base: { uri: "s3://base/", digest: DIGEST },
      datasets: [{ name: "hr-case-notes", version: "v1", sourceUris: [], redaction: "none", personalData: true }],
      datasetsUri: "s3://store/datasets/",
      output: { model: "m", registryUri: "s3://registry/models/m/", digest: `sha256:${"b".repeat(64)}` },
      evaluation: {
        dataset: { name: "heldout", version: "v1" },
        metrics: ["rougeL"],
        evidenceUri: "s3://registry/evidence/m/",
      },
      gpu: { count: 1 },
      serviceAccounts: { "dataset-gate": "a", training: "b", "fine-tune-eval": "c" },
    };
    expect(() => validateFineTuningPipelineArgs(args)).toThrow(/redaction or a lawful basis/);
    expect(() =>
      validateFineTuningPipelineArgs({ ...args, datasets: [{ ...args.datasets[0]!, consentBasis: "contract" }] }),
    ).not.toThrow();
    const train = trainerArgs(args, {
      baseUri: "s3://base/",
      datasetsUri: "s3://store/datasets/",
      registryUri: "s3://registry/models/m/",
    });
    expect(train).toEqual(
      expect.arrayContaining([
        "--base-sha256",
        "a".repeat(64),
        "--dataset",
        "hr-case-notes@v1=s3://store/datasets/hr-case-notes/v1/",
        "--lineage-out",
        "s3://registry/models/m/lineage.json",
      ]),
    );
    expect(
      evaluatorArgs(args, { registryUri: "s3://registry/models/m/", evidenceUri: "s3://registry/evidence/m/" }),
    ).toEqual(expect.arrayContaining(["--model-digest", `sha256:${"b".repeat(64)}`, "--dataset", "heldout@v1"]));
  });

  it("only the gate writes the dataset store and only the gate and training roles read it", () => {
    const [write, read] = datasetStoreStatements("arn:aws:s3:::store", { gate: "s-gate", training: "s-training" });
    expect(write).toMatchObject({
      Effect: "Deny",
      Action: ["s3:PutObject"],
      Resource: "arn:aws:s3:::store/datasets/*",
      Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/s-gate" } },
    });
    expect(read).toMatchObject({
      Effect: "Deny",
      Action: ["s3:GetObject"],
      Condition: {
        ArnNotLike: { "aws:PrincipalArn": ["arn:aws:iam::*:role/s-gate", "arn:aws:iam::*:role/s-training"] },
      },
    });
    expect(s3ObjectArn("s3://legal-clause-library/")).toBe("arn:aws:s3:::legal-clause-library/*");
    expect(s3ObjectArn("https://x")).toBeUndefined();
  });
});

describe.skipIf(!ready)(
  "fine-tuning example on aws: dataset store, gate, training and evaluation planned and checked",
  () => {
    let engine: PolicyEngine;
    let plan: Plan;
    beforeAll(
      async () => void ({ engine, plan } = await engineAnd(() => planExample("legal-slm.finetuning.yaml", "aws"))),
      120_000,
    );

    it("shows the pipeline's workloads and store, and is clean", () => {
      const names = plan.resources.map((resource) => `${resource.type} ${resource.name}`);
      expect(names).toContain("aws:kms/key:Key legal-slm-fine-tuning-key");
      expect(names).toContain("aws:s3/bucket:Bucket legal-slm-fine-tuning-datasets");
      for (const role of ["dataset-gate", "training", "fine-tune-eval"])
        expect(names).toContain(`aws:iam/role:Role legal-slm-fine-tuning-${role}`);
      for (const job of ["gate-contracts-2019-2026", "train", "evaluate"])
        expect(names).toContain(`kubernetes:batch/v1:Job legal-slm-fine-tuning-${job}`);
      const policy = plan.resources.find((resource) => resource.name === "legal-slm-fine-tuning-datasets-policy")!;
      expect(JSON.parse(policy.props.policy as string).Statement.map((s: { Sid?: string }) => s.Sid)).toEqual(
        expect.arrayContaining(["OnlyTheDatasetGateWrites", "OnlyThePipelineReads"]),
      );
      const train = plan.resources.find((resource) => resource.name === "legal-slm-fine-tuning-train")!;
      expect(train.props.spec.template.spec.containers[0].resources.limits["nvidia.com/gpu"]).toBe("1");
      expect(ids(engine, plan.resources, plan.spec)).toEqual([]);
    });

    it.each([
      ["the training Job", "legal-slm-fine-tuning-train"],
      ["the evaluation Job", "legal-slm-fine-tuning-evaluate"],
      ["the dataset gate", "legal-slm-fine-tuning-gate-contracts-2019-2026"],
    ])("removing %s from the plan fires LLM-FTJOB-001", (_what, name) => {
      expect(
        ids(
          engine,
          without(plan, (resource) => resource.name === name),
          plan.spec,
        ),
      ).toContain("LLM-FTJOB-001");
    });
  },
);

describe.skipIf(!ready)("agent example on kubernetes: tool gateway and approval queue planned and checked", () => {
  let engine: PolicyEngine;
  let plan: Plan;
  beforeAll(
    async () => void ({ engine, plan } = await engineAnd(() => planExample("ops-agent.agent.yaml", "kubernetes"))),
    120_000,
  );

  const gatewayConfig = (resources: Resource[]) =>
    resources.find((resource) => resource.name === "ops-agent-gateway-config")!;

  it("shows the approval queue and the gateway's MCP servers, and is clean", () => {
    const names = plan.resources.map((resource) => `${resource.type} ${resource.name}`);
    expect(names).toContain("kubernetes:apps/v1:Deployment ops-agent-tool-approval");
    expect(names).toContain("kubernetes:core/v1:Service ops-agent-tool-approval-service");
    const config = parse(gatewayConfig(plan.resources).props.data["config.yaml"] as string) as Record<string, any>;
    expect(
      Object.values(config.mcp_servers)
        .flatMap((server: any) => server.allowed_tools)
        .sort(),
    ).toEqual(["grant-access", "read-ticket", "restart-service", "search-runbooks"]);
    expect(config.guardrails.map((entry: any) => entry.guardrail_name)).toContain("tool-approval");
    expect(ids(engine, plan.resources, plan.spec)).toEqual([]);
  });

  it("removing the approval queue from the plan fires LLM-TOOLS-001", () => {
    expect(
      ids(
        engine,
        without(plan, (resource) => resource.name.startsWith("ops-agent-tool-approval")),
        plan.spec,
      ),
    ).toContain("LLM-TOOLS-001");
  });

  it("removing the tool gateway (the MCP servers and the approval guardrail) from the plan fires LLM-TOOLS-001", () => {
    const resources = plan.resources.map((resource) => {
      if (resource !== gatewayConfig(plan.resources)) return resource;
      const copy = structuredClone(resource);
      const config = parse(copy.props.data["config.yaml"] as string) as Record<string, any>;
      delete config.mcp_servers;
      config.guardrails = config.guardrails.filter((entry: any) => entry.guardrail_name !== "tool-approval");
      copy.props.data["config.yaml"] = stringify(config);
      return copy;
    });
    expect(ids(engine, resources, plan.spec)).toContain("LLM-TOOLS-001");
  });
});

describe.skipIf(!ready)("fine-tuning datasets in the spec", () => {
  it("raw HR case notes (restricted, personal data, no consent, no redaction) give a high LLM-FT-004; an undeclared upstream gives LLM-FT-005", () => {
    const file = join(tempDir("llmops-hr-"), "hr.yaml");
    const spec = parse(runCli(["init", "--pattern", "fineTuning", "--out=-"]).stdout) as Record<string, any>;
    spec.spec.fineTuning.datasets = [
      {
        name: "hr-case-notes",
        version: "2026-11",
        classification: "restricted",
        biasScan: true,
        personalData: true,
        sources: ["knowledge-base"],
        lineage: { upstream: ["knowledge-base", "hr-shared-drive"] },
      },
    ];
    writeFileSync(file, stringify(spec));
    const result = runCli(["validate", file, "-f", "json"]);
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: Array<{ id: string; severity: string; path: string }> })
      .findings;
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "LLM-FT-004", severity: "high", path: "/spec/fineTuning/datasets/0" }),
        expect.objectContaining({ id: "LLM-FT-005", path: "/spec/fineTuning/datasets/0/lineage/upstream/1" }),
      ]),
    );
  }, 60_000);
});
