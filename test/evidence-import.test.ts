/**
 * `llmops evidence import --from lm-eval` on a real lm-evaluation-harness results file
 * (test/fixtures/evidence/SOURCE.md): the metric, its sample size, interval, seed and run time
 * come out of the file, and the written document loads through the evidence loader.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importLmEval } from "../evidence/import-lm-eval.js";
import { loadEvidenceFile } from "../schemas/load-evidence.js";
import { InputError } from "../schemas/input-error.js";
import { runCli, tempDir } from "./helpers/cli.js";

const FIXTURE = "test/fixtures/evidence/lm-eval-results_2025-01-21T00-40-03.356274.json";

describe("lm-evaluation-harness import", () => {
  it("reads the task metric with its sample size, stderr interval, seed and date", () => {
    const run = importLmEval(JSON.parse(readFileSync(FIXTURE, "utf8")), FIXTURE);
    expect(run.metrics).toHaveLength(1);
    const [acc] = run.metrics;
    expect(acc).toMatchObject({ name: "acc", value: 0.34, sampleSize: 100, task: "mmlu_abstract_algebra", confidenceLevel: 0.95 });
    expect(acc!.lower).toBeCloseTo(0.34 - 1.96 * 0.047609522856952344, 12);
    expect(acc!.upper).toBeCloseTo(0.34 + 1.96 * 0.047609522856952344, 12);
    expect(run.seed).toBe(0);
    expect(run.producer).toEqual({ tool: "lm-evaluation-harness", version: "e16afa2f" });
    expect(run.producedAt.toISOString()).toBe("2025-01-21T00:38:59.488Z");
  });

  it("refuses a file that is not lm-eval results", () => {
    expect(() => importLmEval({ version: 3, results: [] }, "x.json")).toThrow(InputError);
    expect(() => importLmEval({ results: { t: { "acc,none": 1 } }, date: 1 }, "x.json")).toThrow(/n-samples/);
  });

  it("writes a native evidence document through the CLI", async () => {
    const out = join(tempDir(), "lm-eval.yaml");
    const result = runCli(["evidence", "import", "--from", "lm-eval", FIXTURE, "--model", "gemma-2-2b", "--model-digest", `sha256:${"c".repeat(64)}`, "--dataset", "hails/mmlu_no_train@abstract_algebra", "-o", out]);
    expect(result.status, result.stderr).toBe(0);
    const [document] = await loadEvidenceFile(out);
    expect(document!.value.subject).toMatchObject({ model: { name: "gemma-2-2b" }, dataset: { name: "hails/mmlu_no_train", version: "abstract_algebra" }, seed: 0 });
    expect(document!.value.metadata.producer.tool).toBe("lm-evaluation-harness");
    expect(document!.value.results.metrics[0]).toMatchObject({ name: "acc", value: 0.34, sampleSize: 100 });
    const conflicting = runCli(["evidence", "import", "--from", "lm-eval", FIXTURE, "--model", "m", "--model-digest", `sha256:${"c".repeat(64)}`, "--dataset", "d@1", "--seed", "7", "-o", out]);
    expect(conflicting.status).toBe(2);
    expect(conflicting.stderr).toMatch(/differs from the run's random_seed 0/);
  });
});
