/**
 * Issue 17, explainability, retention and redaction at every sink: declared, built, checked.
 * - The response contract (docs/response-contract.md): its guardrail module's pure check run with
 *   this machine's Python 3; the gateway config and ConfigMap the component builds; LLM-CTRL-012
 *   firing when the built enforcement is removed (never the spec's declaration).
 * - data.retention: the record sinks expire prompt and response text at the spec's days, Bedrock's
 *   invocation log group at the shorter of them; LLM-CTRL-013 firing when a built store keeps them longer.
 * - privacy.piiRedaction.logs: a built record sink without its redaction fires LLM-CTRL-003.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { PolicyEngine } from "../policies/engine/engine.js";
import { gatewayConfig } from "../components/kubernetes/gateway.js";
import {
  RESPONSE_CONTRACT_FILE,
  RESPONSE_CONTRACT_GUARDRAIL,
  responseContractModule,
} from "../components/kubernetes/response-contract.js";
import { validateRecordSinkArgs } from "../components/kubernetes/record-sink.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";
import { planExample, type Plan, type Resource } from "./helpers/plans.js";
import { tempDir } from "./helpers/cli.js";

const python = spawnSync("python3", ["--version"], { encoding: "utf8" }).status === 0 ? "python3" : undefined;
if (!python) console.warn("SKIP: the response contract's Python check: no python3 on this machine");

/** Runs contract_violation of the generated module on each [content, supplied] pair; returns the reasons (null when kept). */
function violations(module: string, cases: ReadonlyArray<readonly [unknown, string]>): Array<string | null> {
  const dir = tempDir("llmops-contract-");
  writeFileSync(join(dir, RESPONSE_CONTRACT_FILE), module);
  const script =
    "import json, sys\nsys.path.insert(0, sys.argv[1])\nimport response_contract as m\nprint(json.dumps([m.contract_violation(c, s) for c, s in json.load(sys.stdin)]))";
  const run = spawnSync(python!, ["-c", script, dir], { input: JSON.stringify(cases), encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Array<string | null>;
}

const supplied =
  "[source:terminal-guides/boarding-b] Pier B gates close 20 minutes before departure.\nWhen does gate B12 close?";
const answer = (body: Record<string, unknown>) => JSON.stringify(body);

/** The propertyPath validateRecordSinkArgs refuses text retention with, or undefined. */
function validateRecordSinkArgsFor(contentRetentionDays: { prompts: number; responses: number }): string | undefined {
  try {
    validateRecordSinkArgs({
      stack: "s",
      namespace: "n",
      kind: "audit",
      image: { repository: "r", digest: `sha256:${"a".repeat(64)}` },
      serviceAccountName: "sa",
      retentionDays: 400,
      producerRoles: ["gateway"],
      contentRetentionDays,
    });
  } catch (error) {
    return (error as { propertyPath?: string }).propertyPath;
  }
  return undefined;
}

describe.skipIf(!python)("the response contract's check, run with Python", () => {
  it("keeps an answer with its citations and explanation; refuses each missing part", () => {
    const module = responseContractModule({ citations: true, explanation: true });
    const good = {
      answer: "20 minutes before departure.",
      citations: [{ id: "terminal-guides/boarding-b" }],
      explanation: "The pier B guide says so.",
    };
    expect(
      violations(module, [
        [answer(good), supplied],
        ["Gate B12 closes 20 minutes before departure.", supplied],
        [answer({ ...good, answer: " " }), supplied],
        [answer({ ...good, citations: [] }), supplied],
        [answer({ ...good, citations: [{ title: "no id" }] }), supplied],
        [answer({ ...good, citations: [{ id: "made-up" }] }), supplied],
        [answer({ ...good, explanation: "\n" }), supplied],
        [null, supplied],
      ]),
    ).toEqual([
      null,
      "the answer is not a JSON object",
      "the answer has no answer text",
      "the answer cites no source",
      "a citation has no source id",
      "a citation names a source the request did not supply: made-up",
      "the answer has no explanation",
      "the answer is not a JSON object",
    ]);
  });

  it("requires only what the spec declares", () => {
    const citationsOnly = responseContractModule({ citations: true, explanation: false });
    expect(
      violations(citationsOnly, [
        [answer({ answer: "a", citations: [{ id: "terminal-guides/boarding-b" }] }), supplied],
      ]),
    ).toEqual([null]);
    const explanationOnly = responseContractModule({ citations: false, explanation: true });
    expect(
      violations(explanationOnly, [
        [answer({ answer: "a", explanation: "because" }), "no sources"],
        [answer({ answer: "a" }), "no sources"],
      ]),
    ).toEqual([null, "the answer has no explanation"]);
  });
});

describe("the gateway's response-contract guardrail", () => {
  const routes = [{ model: "m", requestsPerMinute: 60, maxInputTokens: 100, maxOutputTokens: 10 }];
  it("is on for every request, before and after the call, when the spec declares citations or explanations", () => {
    const config = parse(gatewayConfig(routes, { responseContract: { citations: true, explanation: false } })) as {
      guardrails: Array<{ guardrail_name: string; litellm_params: Record<string, unknown> }>;
    };
    expect(config.guardrails).toEqual([
      {
        guardrail_name: "response-contract",
        litellm_params: { guardrail: RESPONSE_CONTRACT_GUARDRAIL, mode: ["pre_call", "post_call"], default_on: true },
      },
    ]);
    expect(
      parse(gatewayConfig(routes, { responseContract: { citations: false, explanation: false } })) as object,
    ).not.toHaveProperty("guardrails");
  });

  it("the record sink refuses negative or fractional text retention", () => {
    expect(validateRecordSinkArgsFor({ prompts: -1, responses: 30 })).toBe("contentRetentionDays");
    expect(validateRecordSinkArgsFor({ prompts: 0, responses: 30 })).toBeUndefined();
  });
});

const ready = bundleBuilt();

function findings(engine: PolicyEngine, resources: Resource[], spec: unknown): string[] {
  return engine.evaluateRuntime({ resources, spec }).map((finding) => finding.id);
}

function edited(plan: Plan, name: string, edit: (resource: Resource) => void): Resource[] {
  let hits = 0;
  const resources = plan.resources.map((resource) => {
    if (resource.name !== name) return resource;
    hits++;
    const copy = structuredClone(resource);
    edit(copy);
    return copy;
  });
  expect(hits, `one resource named ${name}`).toBe(1);
  return resources;
}

function editConfig(resource: Resource, change: (config: Record<string, any>) => void): void {
  const config = parse(resource.props.data["config.yaml"] as string) as Record<string, any>;
  change(config);
  resource.props.data["config.yaml"] = stringify(config);
}

/** The collector container's args of a sink Deployment. */
function sinkArgs(resource: Resource): string[] {
  return resource.props.spec.template.spec.containers[0].args as string[];
}

describe.skipIf(!ready)(
  "campaign summariser on kubernetes: contract, retention and redaction built and checked",
  () => {
    let engine: PolicyEngine;
    let plan: Plan;
    beforeAll(async () => {
      engine = await PolicyEngine.load(BUNDLE_DIR);
      plan = planExample("campaign-summariser.rag.yaml", "kubernetes");
    }, 120_000);

    it("builds the contract guardrail with its module, and sinks that expire text at data.retention; clean", () => {
      const config = plan.resources.find((resource) => resource.name === "campaign-summariser-gateway-config")!;
      expect(config.props.data[RESPONSE_CONTRACT_FILE]).toMatch(/^REQUIRE_CITATIONS = True$/m);
      expect(config.props.data[RESPONSE_CONTRACT_FILE]).toMatch(/^REQUIRE_EXPLANATION = False$/m);
      const guardrails = (
        parse(config.props.data["config.yaml"] as string) as { guardrails: Array<{ guardrail_name: string }> }
      ).guardrails;
      expect(guardrails.map((entry) => entry.guardrail_name)).toContain("response-contract");
      const retention = plan.spec.spec.data.retention as { promptsDays: number; responsesDays: number };
      const audit = sinkArgs(
        plan.resources.find((resource) => resource.name === "campaign-summariser-audit-sink-deployment")!,
      );
      expect(audit.join(" ")).toContain(
        `--prompt-retention-days ${retention.promptsDays} --response-retention-days ${retention.responsesDays}`,
      );
      expect(audit).toContain("--presidio-analyzer");
      expect(findings(engine, plan.resources, plan.spec)).toEqual([]);
    });

    const removals: Array<[string, string, string, (resource: Resource) => void]> = [
      [
        "the contract guardrail",
        "LLM-CTRL-012",
        "campaign-summariser-gateway-config",
        (r) =>
          editConfig(r, (c) => {
            c.guardrails = c.guardrails.filter((g: any) => g.guardrail_name !== "response-contract");
          }),
      ],
      [
        "the contract's post_call stage",
        "LLM-CTRL-012",
        "campaign-summariser-gateway-config",
        (r) =>
          editConfig(r, (c) => {
            c.guardrails.find((g: any) => g.guardrail_name === "response-contract").litellm_params.mode = "pre_call";
          }),
      ],
      [
        "the module's citation requirement",
        "LLM-CTRL-012",
        "campaign-summariser-gateway-config",
        (r) => {
          r.props.data[RESPONSE_CONTRACT_FILE] = (r.props.data[RESPONSE_CONTRACT_FILE] as string).replace(
            "REQUIRE_CITATIONS = True",
            "REQUIRE_CITATIONS = False",
          );
        },
      ],
      [
        "the audit sink's prompt expiry",
        "LLM-CTRL-013",
        "campaign-summariser-audit-sink-deployment",
        (r) => {
          const args = sinkArgs(r);
          args.splice(args.indexOf("--prompt-retention-days"), 2);
        },
      ],
      [
        "the feedback sink's response expiry",
        "LLM-CTRL-013",
        "campaign-summariser-feedback-sink-deployment",
        (r) => {
          const args = sinkArgs(r);
          args.splice(args.indexOf("--response-retention-days"), 2);
        },
      ],
      [
        "the feedback sink's redaction",
        "LLM-CTRL-003",
        "campaign-summariser-feedback-sink-deployment",
        (r) => {
          const args = sinkArgs(r);
          args.splice(args.indexOf("--presidio-analyzer"), 4);
        },
      ],
      [
        "spend-log expiry on a gateway that stores prompts",
        "LLM-CTRL-013",
        "campaign-summariser-gateway-config",
        (r) =>
          editConfig(r, (c) => {
            c.general_settings = {
              ...c.general_settings,
              disable_spend_logs: false,
              store_prompts_in_spend_logs: true,
            };
          }),
      ],
    ];
    it.each(removals)("removing %s from the built resources fires %s", (_what, id, name, edit) => {
      expect(findings(engine, edited(plan, name, edit), plan.spec)).toContain(id);
    });
  },
);

describe.skipIf(!ready)("claims explainer on aws: Bedrock's invocation logs expire at data.retention", () => {
  let engine: PolicyEngine;
  let plan: Plan;
  beforeAll(async () => {
    engine = await PolicyEngine.load(BUNDLE_DIR);
    plan = planExample("claims-explainer.blackbox.yaml", "aws");
  }, 120_000);

  it("keeps invocation text for the shorter retention, not the logs' retention; clean", () => {
    const retention = plan.spec.spec.data.retention as { promptsDays: number; responsesDays: number; logsDays: number };
    expect(retention.logsDays).toBeGreaterThan(Math.min(retention.promptsDays, retention.responsesDays));
    const group = plan.resources.find(
      (resource) =>
        resource.name === "claims-explainer-monitoring-bedrock-invocations" &&
        resource.type === "aws:cloudwatch/logGroup:LogGroup",
    )!;
    expect(group.props.retentionInDays).toBe(30);
    expect(findings(engine, plan.resources, plan.spec)).toEqual([]);
  });

  it("a log group kept for the logs' retention instead fires LLM-CTRL-013", () => {
    const resources = plan.resources.map((resource) =>
      resource.type === "aws:cloudwatch/logGroup:LogGroup" &&
      resource.name === "claims-explainer-monitoring-bedrock-invocations"
        ? { ...resource, props: { ...resource.props, retentionInDays: 365 } }
        : resource,
    );
    expect(findings(engine, resources, plan.spec)).toContain("LLM-CTRL-013");
  });

  it("the contract guardrail is built on the cluster's gateway for citations and explanations", () => {
    const config = plan.resources.find(
      (resource) => resource.type === "kubernetes:core/v1:ConfigMap" && resource.name.endsWith("gateway-config"),
    );
    if (!config) throw new Error("no gateway ConfigMap in the claims explainer's plan");
    expect(config.props.data[RESPONSE_CONTRACT_FILE]).toMatch(/^REQUIRE_EXPLANATION = True$/m);
  });
});
