// The report benchmark (issue 22): building the HTML report of the largest example must take at
// most 1 s beyond planning it. Both through the built CLI, end to end, as a user runs them:
//   plan    llmops plan SPEC --out PLAN.json              (the plan itself, with its runtime checks)
//   report  llmops report SPEC --format html -o FILE      (plans offline too, then everything else)
// "beyond the plan" = median(report) − median(plan). In-process, from the built dist/, the parts of
// that difference: collecting the model from the plan file (engine load, spec and runtime checks,
// crosswalk, architecture) and rendering the HTML (dagre layout and SVG included).
// The largest example is the one with the most planned resources. Writes bench/results/report.json
// and bench/results/REPORT.md.
//
//   node bench/report.mjs [RUNS]      default 5 runs per figure
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");
const WORK = join(ROOT, "bench", ".work", "report");
const RESULTS = join(ROOT, "bench", "results");
const LLMOPS = join(ROOT, "bin", "llmops.js");
const TARGET_MS = 1000;
const RUNS = Number(process.argv[2] ?? 5);
mkdirSync(WORK, { recursive: true });
mkdirSync(RESULTS, { recursive: true });

function timed(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [LLMOPS, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`llmops ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const examples = readdirSync(join(ROOT, "examples"))
  .filter((file) => file.endsWith(".yaml"))
  .sort();
const sizes = examples.map((example) => {
  const out = join(WORK, `${example}.plan.json`);
  // Previews: most examples are production specs without committed evaluation evidence.
  timed(["plan", join("examples", example), "--without-evidence", "--out", out, "-f", "json"]);
  return { example, resources: JSON.parse(readFileSync(out, "utf8")).resources.length, plan: out };
});
const largest = sizes.reduce((a, b) => (b.resources > a.resources ? b : a));
const spec = join("examples", largest.example);
console.log(`largest example: ${largest.example} (${largest.resources} resources)`);

const planMs = [];
const reportMs = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so that load from elsewhere on the machine falls on both alike.
  planMs.push(timed(["plan", spec, "--without-evidence", "--out", join(WORK, "plan.json"), "-f", "json"]));
  reportMs.push(timed(["report", spec, "--format", "html", "-o", join(WORK, "report.html")]));
}

const { collectReport } = await import(pathToFileURL(join(ROOT, "dist", "report", "collect.js")).href);
const { renderHtml } = await import(pathToFileURL(join(ROOT, "dist", "report", "html.js")).href);
const collectMs = [];
const renderMs = [];
let htmlBytes = 0;
for (let i = 0; i < RUNS; i++) {
  let start = performance.now();
  const model = await collectReport({ specFile: spec, planFile: largest.plan });
  collectMs.push(performance.now() - start);
  start = performance.now();
  htmlBytes = renderHtml(model).length;
  renderMs.push(performance.now() - start);
}

const beyond = median(reportMs) - median(planMs);
// On a loaded machine the end-to-end difference is within the noise of two ~15-30 s runs (it can
// even come out negative), so the target is judged on the larger of it and the in-process upper
// bound: the whole model from the plan file (which repeats the checks the plan already ran) plus
// the HTML rendering.
const inProcess = median(collectMs) + median(renderMs);
const result = {
  generatedAt: new Date().toISOString(),
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? "",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  runs: RUNS,
  example: largest.example,
  resources: largest.resources,
  medianMs: {
    plan: Math.round(median(planMs)),
    report: Math.round(median(reportMs)),
    beyondPlan: Math.round(beyond),
    collectFromPlanFile: Math.round(median(collectMs)),
    renderHtml: Math.round(median(renderMs) * 10) / 10,
  },
  samplesMs: {
    plan: planMs.map(Math.round),
    report: reportMs.map(Math.round),
    collect: collectMs.map(Math.round),
    render: renderMs.map((ms) => Math.round(ms * 10) / 10),
  },
  htmlBytes,
  targetMs: TARGET_MS,
  inProcessBeyondPlanMs: Math.round(inProcess),
  met: Math.max(beyond, inProcess) <= TARGET_MS,
};
writeFileSync(join(RESULTS, "report.json"), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  join(RESULTS, "REPORT.md"),
  `# Report benchmark

Generated by \`node bench/report.mjs ${RUNS}\` on ${result.generatedAt}; machine: ${result.machine.cores} cores (${result.machine.cpu}), ${result.machine.memoryGiB} GiB, Node ${result.machine.node}. The machine is shared, so medians of interleaved runs.

Largest example: ${largest.example} (${largest.resources} planned resources). Target: the HTML report takes at most ${TARGET_MS} ms beyond the plan itself.

| measure (median of ${RUNS}) | ms |
|---|---:|
| \`llmops plan SPEC --out PLAN\` | ${result.medianMs.plan} |
| \`llmops report SPEC --format html -o FILE\` (plans too) | ${result.medianMs.report} |
| beyond the plan, end to end (report − plan; noisy on a shared machine) | ${result.medianMs.beyondPlan} |
| in-process: model from the plan file (engine load, checks, crosswalk, architecture) | ${result.medianMs.collectFromPlanFile} |
| in-process: HTML rendering (dagre layout, SVG) | ${result.medianMs.renderHtml} |
| **beyond the plan**, upper bound (the two in-process parts) | **${result.inProcessBeyondPlanMs}** (${result.met ? "met" : "missed"}: judged on the larger of this and the end-to-end difference) |

HTML size: ${htmlBytes} bytes. Samples (ms): plan ${result.samplesMs.plan.join(", ")}; report ${result.samplesMs.report.join(", ")}.
`,
);
console.log(JSON.stringify(result.medianMs), result.met ? "met" : "missed");
