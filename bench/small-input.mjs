// Small inputs, side by side (issue 21): `llmops check` on one real file against kube-score on the
// same file, in the same run, interleaved, so both see the same machine load. Five files from the
// real-world corpus (test/corpus, sources in test/corpus/sources.yaml). For each process: wall time
// and CPU time (user + system, from /usr/bin/time), medians over the runs; the ratio is llmops / kube-score.
// On a shared machine wall time carries everyone else's load; CPU time is what the process itself spent.
// Usage: node bench/small-input.mjs [--runs N] [--label NAME] [--node-flag FLAG …] [--baseline BIN]
//   writes bench/results/small-input.json (one entry per label, replacing the same label).
//   --baseline BIN: also time another build of the CLI (say bin/llmops.js of a copy of dist/ from an
//   earlier commit), interleaved with the two others, so a before/after pair sees the same load.
//   LLMOPS_KUBE_SCORE: the kube-score binary (default .tools/bin/kube-score).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option("--runs", "9"));
const LABEL = option("--label", "current");
const nodeFlags = args.flatMap((arg, i) => (args[i - 1] === "--node-flag" ? [arg] : []));
const FILES = [
  "test/corpus/kserve-vllm-runtime.yaml",
  "test/corpus/kserve-inferenceservice-llama.yaml",
  "test/corpus/kubeai.yaml",
  "test/corpus/ai-on-eks-open-webui.yaml",
  "test/corpus/ai-on-eks-nim-service.yaml",
];
const BASELINE = option("--baseline", undefined);
const KUBE_SCORE = process.env.LLMOPS_KUBE_SCORE || join(ROOT, ".tools", "bin", "kube-score");
if (!existsSync(KUBE_SCORE)) {
  console.error("bench/small-input: kube-score is not built; run bash scripts/install-corpus-tools.sh");
  process.exit(2);
}
if (!existsSync("/usr/bin/time")) {
  console.error("bench/small-input: /usr/bin/time (GNU time) is needed for CPU times");
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), "llmops-small-input-"));
const timeFile = join(scratch, "time");
/** One run: wall seconds and CPU seconds (user + system) of the process, whatever its exit code. */
function measure(command, commandArgs) {
  const started = process.hrtime.bigint();
  const result = spawnSync("/usr/bin/time", ["-o", timeFile, "-f", "%U %S", command, ...commandArgs], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${command} ${commandArgs.join(" ")} exited ${result.status}: ${result.stderr}`);
  const [user, system] = readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
  return { wall, cpu: user + system, status: result.status };
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const rows = [];
for (const file of FILES) {
  const llmops = [];
  const peer = [];
  const baseline = [];
  for (let run = 0; run < RUNS; run++) {
    if (BASELINE) baseline.push(measure(process.execPath, [...nodeFlags, BASELINE, "check", file, "-f", "json"]));
    llmops.push(measure(process.execPath, [...nodeFlags, join(ROOT, "bin/llmops.js"), "check", file, "-f", "json"]));
    peer.push(measure(KUBE_SCORE, ["score", "--output-format", "json", file]));
  }
  const row = {
    file,
    bytes: readFileSync(join(ROOT, file)).length,
    runs: RUNS,
    llmops: {
      wallS: +median(llmops.map((r) => r.wall)).toFixed(3),
      cpuS: +median(llmops.map((r) => r.cpu)).toFixed(3),
    },
    kubeScore: { wallS: +median(peer.map((r) => r.wall)).toFixed(3), cpuS: +median(peer.map((r) => r.cpu)).toFixed(3) },
  };
  if (BASELINE)
    row.baseline = {
      wallS: +median(baseline.map((r) => r.wall)).toFixed(3),
      cpuS: +median(baseline.map((r) => r.cpu)).toFixed(3),
    };
  row.ratioWall = +(row.llmops.wallS / row.kubeScore.wallS).toFixed(1);
  row.ratioCpu = row.kubeScore.cpuS > 0 ? +(row.llmops.cpuS / row.kubeScore.cpuS).toFixed(1) : null;
  rows.push(row);
  console.log(
    `${file}: llmops ${row.llmops.wallS} s wall / ${row.llmops.cpuS} s CPU; kube-score ${row.kubeScore.wallS} s / ${row.kubeScore.cpuS} s; ${row.ratioWall}× wall` +
      (row.baseline ? `; baseline ${row.baseline.wallS} s / ${row.baseline.cpuS} s CPU` : ""),
  );
}
rmSync(scratch, { recursive: true, force: true });

const out = join(ROOT, "bench/results/small-input.json");
const previous = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : { entries: [] };
const entry = {
  label: LABEL,
  nodeFlags,
  ...(BASELINE ? { baseline: BASELINE } : {}),
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, loadAverage1m: +loadavg()[0].toFixed(1), node: process.version },
  commands: {
    llmops: "node bin/llmops.js check <file> -f json",
    kubeScore: "kube-score score --output-format json <file>",
  },
  rows,
  medianRatioWall: median(rows.map((r) => r.ratioWall)),
  medianCpuS: {
    llmops: median(rows.map((r) => r.llmops.cpuS)),
    ...(BASELINE ? { baseline: median(rows.map((r) => r.baseline.cpuS)) } : {}),
    kubeScore: median(rows.map((r) => r.kubeScore.cpuS)),
  },
};
writeFileSync(
  out,
  `${JSON.stringify({ entries: [...previous.entries.filter((e) => e.label !== LABEL), entry] }, null, 2)}\n`,
);
console.log(
  `median ratio (wall): ${entry.medianRatioWall}× (load average ${entry.machine.loadAverage1m} on ${entry.machine.cpus} CPUs)`,
);
