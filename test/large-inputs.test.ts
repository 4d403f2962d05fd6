/**
 * Long and large inputs: each completes with bounded memory or is refused cleanly (exit 2, one
 * line, no stack trace) at a documented limit. Peak RSS is measured with GNU time and printed,
 * so the note's figures come from the suite's own runs.
 *
 * No assertion here depends on the machine's speed (issue 14): the runs are given an evaluation
 * budget far beyond the test timeout, so only behaviour is asserted; the wall times are printed
 * for information and measured properly by bench/run.mjs (bench/results/RESULTS.md).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI, ROOT, hasStackTrace, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";
import { planExample } from "./helpers/plans.js";

const ready = bundleBuilt();
const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
if (!GNU_TIME)
  console.warn(
    "SKIP: peak RSS is not recorded (GNU time is not at /usr/bin/time); the runs and their limits are still checked",
  );
const MIB = 1024 * 1024;

interface Measured {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  readonly peakRssMiB: number | undefined;
}

/**
 * The evaluation budget for these runs (LLMOPS_EVAL_BUDGET_MS): the test timeout, so the product's
 * 10 s default cannot turn a loaded machine into a failure. The budget itself is tested in
 * test/fault-injection.test.ts.
 */
const NO_BUDGET = { LLMOPS_EVAL_BUDGET_MS: "600000" };

/** Runs the CLI as a user would, under GNU time when present for the peak RSS. */
function measure(args: readonly string[], env: NodeJS.ProcessEnv = {}): Measured {
  const started = process.hrtime.bigint();
  const rssFile = join(tempDir("llmops-rss-"), "rss");
  const command = GNU_TIME
    ? [GNU_TIME, "-f", "%M", "-o", rssFile, process.execPath, CLI, ...args]
    : [process.execPath, CLI, ...args];
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...NO_BUDGET, ...env },
    timeout: 600_000,
    maxBuffer: 256 * MIB,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakRssMiB =
    GNU_TIME && existsSync(rssFile)
      ? Math.round(Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024)
      : undefined;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds, peakRssMiB };
}

function record(what: string, run: Measured): void {
  console.log(
    `large input: ${what}: exit ${run.status}, ${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssMiB ?? "n/a"} MiB`,
  );
}

/** The bench's deterministic generators (bench/generate-specs.mjs), shared so the figures match. */
interface Generators {
  generateSpecs(root: string, count: number, directory: string): void;
  stackExportOf(planResources: unknown[], count: number): unknown;
}
const generators = async () => (await import(pathToFileURL(join(ROOT, "bench/generate-specs.mjs")).href)) as Generators;

describe.skipIf(!ready)("long and large inputs", () => {
  let yaml: typeof import("yaml");
  beforeAll(async () => {
    yaml = await import("yaml");
  });

  it("a directory of 5,000 specs is validated in one run with bounded memory", async () => {
    const dir = join(tempDir("llmops-5000-"), "specs");
    (await generators()).generateSpecs(ROOT, 5000, dir);
    const out = join(tempDir(), "report.json");
    const run = measure(["validate", `${dir}/*.yaml`, "-f", "json", "-o", out]);
    record("5,000 spec files", run);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1); // the corpus turns controls off on purpose
    const report = JSON.parse(readFileSync(out, "utf8")) as { files: string[]; summary: { findings: number } };
    expect(report.files.length).toBe(5000);
    expect(report.summary.findings).toBeGreaterThan(1000);
    if (run.peakRssMiB !== undefined) expect(run.peakRssMiB).toBeLessThan(1024);
  }, 600_000);

  it("a 50 MB Kubernetes List is refused cleanly at the documented resource limit", () => {
    const rendered = readFileSync(join(ROOT, "examples/runtime/campaign-summariser.rendered.yaml"), "utf8");
    const objects = yaml
      .parseAllDocuments(rendered)
      .map((doc) => doc.toJS() as unknown)
      .filter(Boolean);
    const file = join(tempDir("llmops-list-"), "cluster.json");
    const items: string[] = [];
    let size = 0;
    for (let copy = 0; size < 50 * MIB; copy++) {
      for (const object of objects) {
        const text = JSON.stringify(object).replaceAll("campaign-summariser", `campaign-${copy}`);
        items.push(text);
        size += text.length + 1;
      }
    }
    writeFileSync(file, `{"apiVersion":"v1","kind":"List","items":[${items.join(",")}]}`);
    expect(statSync(file).size).toBeGreaterThan(50 * MIB);
    const run = measure(["check", file, "-f", "json"]);
    record(`50 MB Kubernetes List (${items.length} objects)`, run);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `${items.length} resources exceed the limit of 10000 resources in one evaluation \\(LLMOPS_MAX_RESOURCES\\)`,
      ),
    );
    expect(hasStackTrace(run.stderr)).toBe(false);
    if (run.peakRssMiB !== undefined) expect(run.peakRssMiB).toBeLessThan(2048);
  }, 600_000);

  it("a stack export of up to 10,000 resources (whole copies of one plan) is checked as one decision, with the findings of one copy, and bounded memory", async () => {
    const gen = await generators();
    const plan = planExample("airport-assistant.rag.yaml").resources;
    const dir = tempDir("llmops-state-");
    const idsOf = (count: number, name: string) => {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(gen.stackExportOf(plan, count)));
      const out = join(dir, `${name}.report.json`);
      const run = measure(["check", file, "-f", "json", "-o", out]);
      const report = JSON.parse(readFileSync(out, "utf8")) as {
        files: string[];
        findings: { id: string; resource?: string }[];
      };
      return { run, file, report, ids: [...new Set(report.findings.map((finding) => finding.id))].sort() };
    };
    const one = idsOf(plan.length, "one-copy.json");
    // Whole copies only: a copy cut short leaves a resource without its companions (a bucket
    // without its public access block), which the checks rightly report, and which one copy lacks.
    const copies = Math.floor(10_000 / plan.length);
    const big = idsOf(copies * plan.length, "stack.json");
    record(`stack export, ${copies * plan.length} resources (${copies} copies)`, big.run);
    expect(big.run.stderr).toBe("");
    expect(big.run.status).toBe(one.run.status);
    expect(big.report.files).toEqual([big.file]);
    // Copies of one plan: the same checks fire, and a finding on a copy beyond the first proves the
    // whole input reached the policies.
    expect(big.ids).toEqual(one.ids);
    expect(big.report.findings.length).toBeGreaterThanOrEqual(one.report.findings.length);
    if (one.report.findings.length > 0)
      expect(big.report.findings.some((finding) => /-c[1-9]\d*/.test(finding.resource ?? ""))).toBe(true);
    if (big.run.peakRssMiB !== undefined) expect(big.run.peakRssMiB).toBeLessThan(2048);
  }, 600_000);
});
