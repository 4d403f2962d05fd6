#!/usr/bin/env node
/**
 * `llmops plan --target aws` of every example (offline, Pulumi mock runtime), with the GPU
 * serving stack (Karpenter, NodePools, EFS cache, DCGM exporter, KEDA) in the plan: wall and CPU
 * seconds (median of RUNS), peak RSS, resources and findings, and the load average while it ran
 * (the machine is shared, so wall time is reported beside CPU time, never alone).
 * Target (issue 19): the largest example plans in <= 3.5 s. Writes bench/results/plan-aws.json.
 *
 *   node bench/plan-aws.mjs [RUNS] [EXAMPLE…]   (default 5 runs of every example; needs npm run build
 *                                                and the policy bundle)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const RUNS = Number(process.argv[2] ?? 5);
const ONLY = process.argv.slice(3);
const TIME = "/usr/bin/time";
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const work = mkdtempSync(join(tmpdir(), "llmops-plan-aws-"));

function run(example) {
  const out = join(work, `${example}.json`);
  const result = spawnSync(
    TIME,
    [
      "-f",
      "__TIME__ %e %U %S %M",
      process.execPath,
      join(ROOT, "bin/llmops.js"),
      "plan",
      join(ROOT, "examples", example),
      "--target",
      "aws",
      "--without-evidence",
      "--out",
      out,
      "-f",
      "json",
    ],
    { encoding: "utf8" },
  );
  const line = result.stderr
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("__TIME__"));
  if (result.status !== 0 || !line) throw new Error(`plan of ${example} failed (${result.status}): ${result.stderr}`);
  const [, wall, user, sys, rssKiB] = line.split(" ").map(Number);
  const report = JSON.parse(result.stdout);
  const plan = JSON.parse(readFileSync(out, "utf8"));
  return {
    wallS: wall,
    cpuS: +(user + sys).toFixed(2),
    peakRssMiB: Math.round(rssKiB / 1024),
    resources: report.resources,
    findings: report.findings.length,
    nodePools: plan.resources.filter((resource) => resource.type === "kubernetes:karpenter.sh/v1:NodePool").length,
  };
}

const rows = [];
for (const example of readdirSync(join(ROOT, "examples"))
  .filter((file) => file.endsWith(".yaml") && (ONLY.length === 0 || ONLY.includes(file)))
  .sort()) {
  const load = [];
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    load.push(loadavg()[0]);
    samples.push(run(example));
  }
  rows.push({
    example,
    runs: RUNS,
    wallS: median(samples.map((s) => s.wallS)),
    cpuS: median(samples.map((s) => s.cpuS)),
    minWallS: Math.min(...samples.map((s) => s.wallS)),
    peakRssMiB: Math.max(...samples.map((s) => s.peakRssMiB)),
    resources: samples[0].resources,
    findings: samples[0].findings,
    nodePools: samples[0].nodePools,
    loadAverage1m: +median(load).toFixed(1),
  });
  process.stderr.write(`${example}: ${JSON.stringify(rows.at(-1))}\n`);
}
const largest = [...rows].sort((a, b) => b.resources - a.resources)[0];
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
};
const target = {
  what: "llmops plan --target aws, largest example, median wall",
  limitS: 3.5,
  example: largest.example,
  wallS: largest.wallS,
  cpuS: largest.cpuS,
  met: largest.wallS <= 3.5,
};
writeFileSync(join(ROOT, "bench/results/plan-aws.json"), `${JSON.stringify({ machine, target, rows }, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(target)}\n`);
