/**
 * The real-world corpus (test/corpus/, sources in test/corpus/sources.yaml): public LLM-serving
 * charts rendered with helm and operator manifests, checked in one `llmops check` call. Each
 * file's finding ids (sorted, one entry per finding) are held here, so a change in any check or
 * in the reader shows up as a diff; test/corpus/TRIAGE.md says why each id is there.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, runCli } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";

const CORPUS = join(ROOT, "test", "corpus");
const files = (parse(readFileSync(join(CORPUS, "sources.yaml"), "utf8")) as Array<{ file: string }>).map(
  (entry) => entry.file,
);

/** "LLM-K8S-001 x2" style counts, expanded to the sorted id list the report must hold. */
const ids = (counts: Record<string, number>): string[] =>
  Object.entries(counts)
    .flatMap(([id, n]) => Array<string>(n).fill(id))
    .sort();

const EXPECTED: Record<string, string[]> = {
  // EXPECTED-BEGIN (regenerate: see TRIAGE.md)
  "vllm-production-stack.yaml": ids({
    "LLM-K8S-001": 2,
    "LLM-K8S-002": 2,
    "LLM-K8S-003": 2,
    "LLM-K8S-005": 2,
    "LLM-K8S-006": 2,
    "LLM-K8S-009": 2,
    "LLM-K8S-011": 1,
    "LLM-K8S-016": 2,
    "LLM-K8S-017": 1,
    "LLM-K8S-021": 2,
    "LLM-K8S-024": 1,
    "LLM-K8S-027": 1,
  }),
  "kubeai.yaml": ids({
    "LLM-K8S-005": 1,
    "LLM-K8S-006": 1,
    "LLM-K8S-009": 1,
    "LLM-K8S-011": 3,
    "LLM-K8S-016": 1,
    "LLM-K8S-018": 1,
    "LLM-K8S-021": 1,
    "LLM-K8S-027": 1,
    "LLM-K8S-043": 2,
  }),
  "ollama.yaml": ids({
    "LLM-K8S-001": 2,
    "LLM-K8S-002": 2,
    "LLM-K8S-003": 2,
    "LLM-K8S-005": 2,
    "LLM-K8S-006": 2,
    "LLM-K8S-009": 2,
    "LLM-K8S-011": 6,
    "LLM-K8S-016": 2,
    "LLM-K8S-021": 2,
    "LLM-K8S-024": 1,
    "LLM-K8S-027": 1,
  }),
  "qdrant.yaml": ids({
    "LLM-K8S-001": 2,
    "LLM-K8S-002": 2,
    "LLM-K8S-003": 3,
    "LLM-K8S-005": 3,
    "LLM-K8S-006": 2,
    "LLM-K8S-009": 3,
    "LLM-K8S-011": 6,
    "LLM-K8S-016": 2,
    "LLM-K8S-021": 2,
    "LLM-K8S-022": 1,
    "LLM-K8S-025": 1,
    "LLM-K8S-027": 1,
  }),
  "triton-aws.yaml": ids({
    "LLM-CTRL-006": 3,
    "LLM-K8S-001": 1,
    "LLM-K8S-002": 1,
    "LLM-K8S-003": 1,
    "LLM-K8S-005": 1,
    "LLM-K8S-006": 1,
    "LLM-K8S-009": 1,
    "LLM-K8S-011": 3,
    "LLM-K8S-013": 1,
    "LLM-K8S-016": 1,
    "LLM-K8S-017": 1,
    "LLM-K8S-021": 1,
    "LLM-K8S-024": 1,
    "LLM-K8S-050": 1,
  }),
  "kserve-inferenceservice-llama.yaml": ids({ "LLM-K8S-016": 1, "LLM-K8S-017": 1, "LLM-K8S-021": 1, "LLM-K8S-024": 1 }),
  "kserve-vllm-runtime.yaml": ids({
    "LLM-K8S-001": 3,
    "LLM-K8S-002": 2,
    "LLM-K8S-003": 2,
    "LLM-K8S-005": 3,
    "LLM-K8S-006": 3,
    "LLM-K8S-009": 3,
    "LLM-K8S-016": 2,
    "LLM-K8S-027": 3,
  }),
  "kserve-llminferenceservice-pd.yaml": ids({ "LLM-K8S-009": 2, "LLM-K8S-016": 2, "LLM-K8S-017": 2, "LLM-K8S-027": 2 }),
  "kuberay-rayservice-llm.yaml": ids({
    "LLM-K8S-001": 2,
    "LLM-K8S-002": 2,
    "LLM-K8S-003": 2,
    "LLM-K8S-005": 2,
    "LLM-K8S-006": 2,
    "LLM-K8S-009": 2,
    "LLM-K8S-016": 1,
    "LLM-K8S-017": 1,
    "LLM-K8S-021": 2,
    "LLM-K8S-027": 2,
  }),
  "kuberay-rayjob-batch-inference.yaml": ids({
    "LLM-K8S-001": 1,
    "LLM-K8S-002": 1,
    "LLM-K8S-003": 1,
    "LLM-K8S-005": 1,
    "LLM-K8S-006": 1,
    "LLM-K8S-009": 1,
    "LLM-K8S-016": 1,
    "LLM-K8S-017": 1,
    "LLM-K8S-021": 1,
    "LLM-K8S-027": 1,
  }),
  "lws-vllm-gpu.yaml": ids({
    "LLM-K8S-001": 2,
    "LLM-K8S-002": 2,
    "LLM-K8S-003": 2,
    "LLM-K8S-005": 2,
    "LLM-K8S-006": 2,
    "LLM-K8S-009": 2,
    "LLM-K8S-011": 2,
    "LLM-K8S-016": 1,
    "LLM-K8S-017": 1,
    "LLM-K8S-021": 2,
    "LLM-K8S-023": 2,
    "LLM-K8S-024": 2,
    "LLM-K8S-050": 2,
  }),
  "ai-on-eks-vllm-rayserve-gpu.yaml": ids({
    "LLM-K8S-001": 2,
    "LLM-K8S-002": 2,
    "LLM-K8S-003": 2,
    "LLM-K8S-005": 2,
    "LLM-K8S-006": 2,
    "LLM-K8S-009": 2,
    "LLM-K8S-015": 1,
    "LLM-K8S-016": 1,
    "LLM-K8S-017": 1,
    "LLM-K8S-021": 2,
    "LLM-K8S-027": 2,
  }),
  "ai-on-eks-llama3-405b-lws.yaml": ids({
    "LLM-K8S-001": 2,
    "LLM-K8S-002": 2,
    "LLM-K8S-003": 2,
    "LLM-K8S-005": 2,
    "LLM-K8S-006": 2,
    "LLM-K8S-008": 2,
    "LLM-K8S-009": 2,
    "LLM-K8S-011": 2,
    "LLM-K8S-016": 1,
    "LLM-K8S-021": 2,
    "LLM-K8S-027": 2,
    "LLM-K8S-044": 1,
  }),
  "ai-on-eks-nim-service.yaml": ids({}),
  "ai-on-eks-open-webui.yaml": ids({
    "LLM-K8S-001": 1,
    "LLM-K8S-002": 1,
    "LLM-K8S-003": 1,
    "LLM-K8S-005": 1,
    "LLM-K8S-006": 1,
    "LLM-K8S-009": 1,
    "LLM-K8S-010": 1,
    "LLM-K8S-015": 1,
    "LLM-K8S-016": 1,
    "LLM-K8S-021": 1,
    "LLM-K8S-022": 2,
    "LLM-K8S-027": 1,
  }),
  "gateway-api-simple-http-https.yaml": ids({}),
  "gateway-api-http-redirect.yaml": ids({}),
  "gateway-api-basic-tcp.yaml": ids({ "LLM-CTRL-006": 2 }),
  // EXPECTED-END
};

describe.skipIf(!bundleBuilt())("real-world corpus", () => {
  it("holds at least 10 rendered charts and manifests, each with its expectation", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(EXPECTED).sort()).toEqual([...files].sort());
  });

  it("llmops check reports exactly the triaged finding ids per file", () => {
    const result = runCli(["check", ...files.map((file) => join(CORPUS, file)), "-f", "json"], { timeoutMs: 180_000 });
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Array<{ id: string; file: string }> };
    const actual: Record<string, string[]> = Object.fromEntries(files.map((file) => [file, []]));
    for (const finding of report.findings) actual[basename(finding.file)]!.push(finding.id);
    for (const list of Object.values(actual)) list.sort();
    expect(actual).toEqual(EXPECTED);
  });
});
