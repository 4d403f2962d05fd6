/**
 * Bulk validation on worker threads (llmops validate with 300 files or more) reads exactly as
 * in-process validation of the same files: the same findings, and on bad input the error a
 * sequential run stops at, whichever thread met it first.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";

const ready = bundleBuilt();
const generateSpecs = async (count: number, directory: string) =>
  (
    (await import(pathToFileURL(join(ROOT, "bench/generate-specs.mjs")).href)) as {
      generateSpecs(root: string, count: number, dir: string): void;
    }
  ).generateSpecs(ROOT, count, directory);

const COUNT = 320; // above 2 x MIN_FILES_PER_WORKER: two threads
const fileName = (i: number) => `spec-${String(i).padStart(5, "0")}.yaml`;

describe.skipIf(!ready)("parallel validation", () => {
  it("finds what in-process validation of the same files finds", async () => {
    const dir = join(tempDir("llmops-parallel-"), "specs");
    await generateSpecs(COUNT, dir);
    const report = (args: string[]) => {
      const out = join(tempDir(), "report.json");
      const run = runCli(["validate", ...args, "-f", "json", "-o", out]);
      expect(run.status, run.stderr).toBe(1);
      return JSON.parse(readFileSync(out, "utf8")) as { findings: unknown[] };
    };
    const parallel = report([`${dir}/*.yaml`]);
    // Two runs of 160 files each stay in-process (below the worker threshold).
    const first = report(Array.from({ length: COUNT / 2 }, (_, i) => join(dir, fileName(i))));
    const second = report(Array.from({ length: COUNT / 2 }, (_, i) => join(dir, fileName(COUNT / 2 + i))));
    expect(parallel.findings.length).toBeGreaterThan(0);
    // Globs are reported relative to the working directory, explicit paths as given.
    const key = (finding: unknown) =>
      JSON.stringify({ ...(finding as object), file: resolve(ROOT, (finding as { file: string }).file) });
    expect(parallel.findings.map(key).sort()).toEqual([...first.findings, ...second.findings].map(key).sort());
  }, 120_000);

  it("reports the first bad file in order, as a sequential run would, with exit 2", async () => {
    const dir = join(tempDir("llmops-parallel-bad-"), "specs");
    await generateSpecs(COUNT, dir);
    // Late in the list (likely another thread's share) and early: the early one is reported.
    writeFileSync(join(dir, fileName(300)), "apiVersion: llmops/v1alpha1\nkind: LLMOpsStack\nkind: again\n");
    writeFileSync(join(dir, fileName(170)), "apiVersion: llmops/v1alpha1\nkind: [unclosed\n");
    for (let attempt = 0; attempt < 3; attempt++) {
      const run = runCli(["validate", `${dir}/*.yaml`]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`${fileName(170)}:\\d+:\\d+: invalid YAML`));
      expect(run.stderr).not.toContain(fileName(300));
    }
  }, 120_000);
});
