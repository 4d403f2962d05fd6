/**
 * One deliberate mistake per schema section, driven by a table: each mutated example must
 * exit 1 and name file:line:column, the JSON Pointer and what was expected.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { expectedLine } from "./helpers/yaml-position.js";

interface Case {
  readonly section: string;
  readonly example: string;
  /** JSON Pointer to set (or delete, when value is undefined). */
  readonly path: string;
  readonly value?: unknown;
  /** Pointer the error must name; defaults to `path`. */
  readonly expectedPath?: string;
  readonly expected: RegExp;
}

const AIRPORT = "examples/airport-assistant.rag.yaml";
const cases: Case[] = [
  { section: "metadata", example: AIRPORT, path: "/metadata/name", value: "Airport_Assistant", expected: /DNS label/ },
  {
    section: "metadata.owner",
    example: AIRPORT,
    path: "/metadata/owner/email",
    value: "nobody",
    expected: /email address/,
  },
  {
    section: "pattern",
    example: AIRPORT,
    path: "/spec/pattern",
    value: "chatbot",
    expected: /one of: blackBoxApi, embedded, fineTuning, rag, agent/,
  },
  {
    section: "useCase",
    example: AIRPORT,
    path: "/spec/useCase/riskTier",
    value: "extreme",
    expected: /one of: minimal, limited, high, unacceptable/,
  },
  {
    section: "target",
    example: AIRPORT,
    path: "/spec/target/provider",
    value: "gcp",
    expected: /one of: aws, kubernetes/,
  },
  {
    section: "target.dataResidency",
    example: AIRPORT,
    path: "/spec/target/dataResidency/allowedRegions",
    value: [],
    expected: /at least 1 item/,
  },
  { section: "network", example: AIRPORT, path: "/spec/network/vpcCidr", value: "10.0.0.0", expected: /IPv4 CIDR/ },
  {
    section: "network.egress",
    example: AIRPORT,
    path: "/spec/network/egress",
    value: { mode: "sometimes" },
    expectedPath: "/spec/network/egress/mode",
    expected: /one of: none, allowlist, open/,
  },
  {
    section: "models.source",
    example: AIRPORT,
    path: "/spec/models/0/source/digest",
    value: "sha256:abc",
    expected: /sha256 digest/,
  },
  {
    section: "models.serving",
    example: AIRPORT,
    path: "/spec/models/0/serving/runtime",
    value: "ollama",
    expected: /one of: vllm, tgi, tei, triton, external/,
  },
  { section: "models.gpu", example: AIRPORT, path: "/spec/models/0/gpu/count", value: 99, expected: /at most 8/ },
  {
    section: "models.limits",
    example: AIRPORT,
    path: "/spec/models/0/limits/maxInputTokens",
    value: "lots",
    expected: /must be an integer/,
  },
  {
    section: "models.evaluation",
    example: AIRPORT,
    path: "/spec/models/0/evaluation/metrics/0/name",
    value: "vibes",
    expected: /one of: perplexity, bleu/,
  },
  {
    section: "models.reproducibility",
    example: AIRPORT,
    path: "/spec/models/0/reproducibility/decoding/temperature",
    value: 5,
    expected: /at most 2/,
  },
  { section: "vectorStore", example: AIRPORT, path: "/spec/vectorStore/dimensions", value: 1, expected: /at least 2/ },
  {
    section: "vectorStore (required for rag)",
    example: AIRPORT,
    path: "/spec/vectorStore",
    expected: /missing required property "vectorStore"/,
  },
  {
    section: "data.sources",
    example: AIRPORT,
    path: "/spec/data/sources/0/freshnessSla",
    value: "1 minute",
    expected: /ISO 8601 duration/,
  },
  {
    section: "data.retention",
    example: AIRPORT,
    path: "/spec/data/retention/logsDays",
    value: 0,
    expected: /at least 1/,
  },
  {
    section: "privacy",
    example: AIRPORT,
    path: "/spec/privacy",
    value: { encryption: { atRest: "rot13" } },
    expectedPath: "/spec/privacy/encryption/atRest",
    expected: /one of: customerManagedKey/,
  },
  {
    section: "explainability",
    example: AIRPORT,
    path: "/spec/explainability/citations",
    value: "yes",
    expected: /must be a boolean/,
  },
  {
    section: "humanFeedback",
    example: AIRPORT,
    path: "/spec/humanFeedback/capture",
    value: ["smiley"],
    expectedPath: "/spec/humanFeedback/capture/0",
    expected: /one of: thumbs/,
  },
  {
    section: "guardrails",
    example: AIRPORT,
    path: "/spec/guardrails/input/jailbreak",
    value: true,
    expected: /unknown property "jailbreak"; expected one of: promptInjection, pii, toxicity/,
  },
  {
    section: "agent",
    example: "examples/ops-agent.agent.yaml",
    path: "/spec/agent/maxSteps",
    value: 0,
    expected: /at least 1/,
  },
  {
    section: "fineTuning",
    example: "examples/legal-slm.finetuning.yaml",
    path: "/spec/fineTuning/datasets",
    value: [],
    expected: /at least 1 item/,
  },
  {
    section: "embedded",
    example: "examples/crm-copilot.embedded.yaml",
    path: "/spec/embedded/dataOwnership",
    value: "nobody",
    expected: /one of: customer, vendor, shared/,
  },
  {
    section: "blackBoxApi",
    example: "examples/claims-explainer.blackbox.yaml",
    path: "/spec/blackBoxApi/access",
    value: "carrier-pigeon",
    expected: /one of: privateEndpoint, proxy, public/,
  },
  {
    section: "access",
    example: AIRPORT,
    path: "/spec/access/roles/0/permissions",
    value: [],
    expected: /at least 1 item/,
  },
  {
    section: "observability",
    example: AIRPORT,
    path: "/spec/observability/audit/retentionDays",
    value: 99999,
    expected: /at most 3650/,
  },
  {
    section: "governance",
    example: AIRPORT,
    path: "/spec/governance/stopPath/runbook",
    value: "http://runbooks.example.com",
    expected: /https:\/\/ URL/,
  },
  {
    section: "exceptions",
    example: AIRPORT,
    path: "/spec/exceptions",
    value: [{ policyId: "PRIV-1", reason: "r", approver: "a@example.com", expires: "2027-01-01" }],
    expectedPath: "/spec/exceptions/0/policyId",
    expected: /policy id such as LLM-PRIV-001/,
  },
  {
    section: "spec (unknown section)",
    example: AIRPORT,
    path: "/spec/deployment",
    value: { fast: true },
    expected: /unknown property "deployment"/,
  },
];

function segments(pointer: string): string[] {
  return pointer.split("/").slice(1);
}

describe("schema: one deliberate mistake per section exits 1 with a positioned, plain-word error", () => {
  const dir = tempDir();
  it.each(cases)("$section", (testCase) => {
    const document = parseDocument(readFileSync(join(ROOT, testCase.example), "utf8"));
    if (testCase.value === undefined) document.deleteIn(segments(testCase.path));
    else document.setIn(segments(testCase.path), document.createNode(testCase.value));
    const text = document.toString();
    const file = join(dir, `${testCase.section.replace(/\W+/g, "-")}.yaml`);
    writeFileSync(file, text);

    const pretty = runCli(["validate", file]);
    expect(pretty.status, pretty.stderr).toBe(1);
    const json = runCli(["validate", file, "--format", "json"]);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as {
      findings: Array<{ id: string; path: string; line: number; column: number; message: string; file: string }>;
    };
    const expectedPath = testCase.expectedPath ?? testCase.path;
    const finding = report.findings.find((candidate) => candidate.path === expectedPath);
    expect(finding, JSON.stringify(report.findings, null, 2)).toBeDefined();
    expect(finding!.id).toBe("LLM-SCHEMA-001");
    expect(finding!.message).toMatch(testCase.expected);
    expect(finding!.file).toBe(file);
    const atKey = /unknown property/.test(finding!.message);
    expect(finding!.line).toBe(expectedLine(text, expectedPath, atKey));
    expect(finding!.column).toBeGreaterThan(0);
    // The human format names file:line:column, the pointer and the message.
    expect(pretty.stdout).toContain(`${file}:${finding!.line}:${finding!.column}`);
    expect(pretty.stdout).toContain(`at ${expectedPath}`);
  });
});
