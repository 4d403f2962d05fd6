/**
 * `llmops evidence import --from lm-eval|promptfoo` on real results files
 * (test/fixtures/evidence/SOURCE.md): the metrics, sample sizes, interval, seed and run time come
 * out of the files, and the written documents load through the evidence loader.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importLmEval } from "../evidence/import-lm-eval.js";
import { importPromptfoo, owaspIdFor } from "../evidence/import-promptfoo.js";
import { loadEvidenceFile } from "../schemas/load-evidence.js";
import { InputError } from "../input/input-error.js";
import { runCli, tempDir } from "./helpers/cli.js";

const FIXTURE = "test/fixtures/evidence/lm-eval-results_2025-01-21T00-40-03.356274.json";

/**
 * The argv of `llmops evidence import --from <from> <file>` for `model` at the digest of 64 `digit`s on
 * `dataset` (name@version), written to `out`, then `rest`.
 */
const importArgs = (
  from: string,
  file: string,
  model: string,
  digit: string,
  dataset: string,
  out: string,
  ...rest: string[]
): string[] => [
  "evidence",
  "import",
  "--from",
  from,
  file,
  "--model",
  model,
  "--model-digest",
  `sha256:${digit.repeat(64)}`,
  "--dataset",
  dataset,
  "-o",
  out,
  ...rest,
];

describe("lm-evaluation-harness import", () => {
  it("reads the task metric with its sample size, stderr interval, seed and date", () => {
    const run = importLmEval(JSON.parse(readFileSync(FIXTURE, "utf8")), FIXTURE);
    expect(run.metrics).toHaveLength(1);
    const [acc] = run.metrics;
    expect(acc).toMatchObject({
      name: "acc",
      value: 0.34,
      sampleSize: 100,
      task: "mmlu_abstract_algebra",
      confidenceLevel: 0.95,
    });
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
    const result = runCli(
      importArgs("lm-eval", FIXTURE, "gemma-2-2b", "c", "hails/mmlu_no_train@abstract_algebra", out),
    );
    expect(result.status, result.stderr).toBe(0);
    const [document] = await loadEvidenceFile(out);
    expect(document!.value.subject).toMatchObject({
      model: { name: "gemma-2-2b" },
      dataset: { name: "hails/mmlu_no_train", version: "abstract_algebra" },
      seed: 0,
    });
    expect(document!.value.metadata.producer.tool).toBe("lm-evaluation-harness");
    expect(document!.value.results.metrics[0]).toMatchObject({ name: "acc", value: 0.34, sampleSize: 100 });
    const conflicting = runCli(importArgs("lm-eval", FIXTURE, "m", "c", "d@1", out, "--seed", "7"));
    expect(conflicting.status).toBe(2);
    expect(conflicting.stderr).toMatch(/differs from the run's random_seed 0/);
  });
});

const PROMPTFOO = "test/fixtures/evidence/promptfoo-sample-export.json";

describe("promptfoo import", () => {
  const real = () => JSON.parse(readFileSync(PROMPTFOO, "utf8")) as Record<string, any>;

  it("reads one provider's per-assertion scores and pass rates, the test pass rate, version and time from the real file", () => {
    const run = importPromptfoo(real(), PROMPTFOO, "openai:gpt-5");
    const byName = Object.fromEntries(run.metrics.map((metric) => [metric.name, metric]));
    // openai:gpt-5 ran two tests: cost failed on the first and passed on the second, latency failed on
    // both, contains (first test only) and both llm-rubric assertions passed; neither test passed.
    expect(byName["promptfoo:pass-rate"]).toMatchObject({ value: 0, sampleSize: 2 });
    expect(byName["promptfoo:cost"]).toMatchObject({ value: 0.5, sampleSize: 2 });
    expect(byName["promptfoo:cost:pass-rate"]).toMatchObject({ value: 0.5, sampleSize: 2 });
    expect(byName["promptfoo:latency"]).toMatchObject({ value: 0, sampleSize: 2 });
    expect(byName["promptfoo:contains"]).toMatchObject({ value: 1, sampleSize: 1 });
    expect(byName["promptfoo:llm-rubric"]).toMatchObject({ value: 1, sampleSize: 2 });
    expect(Object.keys(byName).sort()).toEqual([
      "promptfoo:contains",
      "promptfoo:contains:pass-rate",
      "promptfoo:cost",
      "promptfoo:cost:pass-rate",
      "promptfoo:latency",
      "promptfoo:latency:pass-rate",
      "promptfoo:llm-rubric",
      "promptfoo:llm-rubric:pass-rate",
      "promptfoo:pass-rate",
    ]);
    expect(run.redTeam).toEqual([]);
    expect(run.producer).toEqual({ tool: "promptfoo", version: "0.118.10" });
    expect(run.producedAt.toISOString()).toBe("2025-10-01T20:08:11.168Z");
    // The other provider's figures differ: its cost assertion passed both times.
    const mini = importPromptfoo(real(), PROMPTFOO, "openai:gpt-5-mini");
    expect(mini.metrics.find((metric) => metric.name === "promptfoo:cost")).toMatchObject({ value: 1, sampleSize: 2 });
  });

  it("refuses a file comparing several providers without --provider, an unknown provider, and other versions", () => {
    expect(() => importPromptfoo(real(), PROMPTFOO)).toThrow(
      /2 providers \(openai:gpt-5, openai:gpt-5-mini\).*--provider/,
    );
    expect(() => importPromptfoo(real(), PROMPTFOO, "openai:gpt-4")).toThrow(/no results for provider openai:gpt-4/);
    const v2 = real();
    v2.results.version = 2;
    expect(() => importPromptfoo(v2, PROMPTFOO, "openai:gpt-5")).toThrow(/version 2 is not supported/);
    expect(() => importPromptfoo({ results: { t: { "acc,none": 1 } } }, "x.json")).toThrow(InputError);
  });

  // No real promptfoo file with bleu/rouge-n assertions or red-team results was found (SOURCE.md):
  // these cases derive from the real file, changing only the assertions and the test metadata, in
  // the shapes promptfoo's EvaluateResult and red-team test cases have.
  it("imports bleu and rouge-n assertions under promptfoo's names", () => {
    const file = real();
    const gpt5 = file.results.results.filter((result: any) => result.provider.id === "openai:gpt-5");
    gpt5[0].gradingResult.componentResults = [
      { pass: true, score: 0.42, assertion: { type: "bleu", value: "An echo.", threshold: 0.3 } },
      { pass: true, score: 0.8, assertion: { type: "rouge-n", value: "An echo.", threshold: 0.5 } },
    ];
    gpt5[1].gradingResult.componentResults = [
      { pass: false, score: 0.18, assertion: { type: "bleu", value: "x", threshold: 0.3 } },
      { pass: true, score: 0.6, assertion: { type: "rouge-n", value: "x", threshold: 0.5 } },
    ];
    const byName = Object.fromEntries(
      importPromptfoo(file, PROMPTFOO, "openai:gpt-5").metrics.map((metric) => [metric.name, metric]),
    );
    expect(byName["promptfoo:bleu"]!.value).toBeCloseTo(0.3, 12);
    expect(byName["promptfoo:bleu:pass-rate"]).toMatchObject({ value: 0.5, sampleSize: 2 });
    expect(byName["promptfoo:rouge-n"]!.value).toBeCloseTo(0.7, 12);
    expect(byName["promptfoo:rouge-n:pass-rate"]).toMatchObject({ value: 1, sampleSize: 2 });
    // Not the spec's bleu/rouge1: promptfoo computes them differently, so no spec gate reads them.
    expect(byName.bleu).toBeUndefined();
    expect(byName.rouge1).toBeUndefined();
  });

  it("counts red-team attacks per plugin: a failed test is a successful attack, errors are left out, OWASP ids by plugin", () => {
    const file = real();
    const template = file.results.results[1];
    const attack = (plugin: string, success: boolean, failureReason = success ? 0 : 1) => ({
      ...template,
      success,
      failureReason,
      metadata: { pluginId: plugin },
      testCase: { ...template.testCase, metadata: { pluginId: plugin } },
    });
    file.results.results = [
      attack("harmful:hate", true),
      attack("harmful:hate", false),
      attack("harmful:hate", true),
      attack("harmful:hate", false, 2),
      attack("pii:direct", true),
      attack("shell-injection", false),
      attack("prompt-extraction", false),
      attack("prompt-extraction", false),
    ];
    const run = importPromptfoo(file, PROMPTFOO);
    expect(run.redTeam).toEqual([
      { category: "harmful:hate", attempts: 3, successes: 1 },
      { category: "pii:direct", owaspId: "LLM02:2025", attempts: 1, successes: 0 },
      { category: "prompt-extraction", owaspId: "LLM07:2025", attempts: 2, successes: 2 },
      { category: "shell-injection", owaspId: "LLM05:2025", attempts: 1, successes: 1 },
    ]);
    expect(owaspIdFor("harmful:violent-crime")).toBeUndefined();
    expect(owaspIdFor("__proto__")).toBeUndefined();
  });

  it("writes a native evidence document through the CLI", async () => {
    const out = join(tempDir(), "promptfoo.yaml");
    const result = runCli(
      importArgs("promptfoo", PROMPTFOO, "gpt-5", "d", "riddles@2025-10", out, "--provider", "openai:gpt-5"),
    );
    expect(result.status, result.stderr).toBe(0);
    const [document] = await loadEvidenceFile(out);
    expect(document!.value.metadata.producer).toEqual({ tool: "promptfoo", version: "0.118.10" });
    expect(document!.value.metadata.producedAt).toBe("2025-10-01T20:08:11Z");
    expect(document!.value.metadata.source).toBe(
      "promptfoo results promptfoo-sample-export.json, provider openai:gpt-5",
    );
    expect(document!.value.results.metrics.find((metric) => metric.name === "promptfoo:cost")).toMatchObject({
      value: 0.5,
      sampleSize: 2,
    });
    const ambiguous = runCli(importArgs("promptfoo", PROMPTFOO, "m", "d", "d@1", out));
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stderr).toMatch(/choose one with --provider/);
  });
});
