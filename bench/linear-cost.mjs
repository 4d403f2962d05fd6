// The linear-cost benchmark (issue 15): the cost of a runtime decision must grow with the number
// of findings, not with its square. Two inputs of N Pods each, checked in the same run:
//   compliant     N copies of the campaign summariser's gateway pod (0 findings), beside the
//                 campaign's namespace objects (default-deny policies, quota, limits);
//   non-compliant N copies of a naive vLLM pod: privileged, host PID, a hostPath of /, root, a
//                 tag-pinned image, literal secrets, no limits, no probes (about 15 findings a pod).
// Target: non-compliant CPU ≤ 3 × compliant CPU at N = 2,000. Writes bench/results/linear-cost.json.
//
//   node bench/linear-cost.mjs [N…]      default sizes: 250 1000 2000
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { parse, stringify } from "yaml";

const ROOT = resolve(import.meta.dirname, "..");
const WORK = join(ROOT, "bench", ".work");
const RESULTS = join(ROOT, "bench", "results");
const LLMOPS = join(ROOT, "bin", "llmops.js");
const TARGET_RATIO = 3;
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
if (sizes.length === 0) sizes.push(250, 1000, 2000);
mkdirSync(WORK, { recursive: true });
mkdirSync(RESULTS, { recursive: true });

const campaign = readFileSync(join(ROOT, "examples/runtime/campaign-summariser.rendered.yaml"), "utf8")
  .split(/^---$/m)
  .filter((doc) => /kind:/.test(doc))
  .map((doc) => parse(doc));
const namespaceObjects = campaign.filter(
  (doc) =>
    !["Deployment", "StatefulSet", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"].includes(doc.kind),
);
const gateway = campaign.find((doc) => doc.kind === "Deployment" && doc.metadata.name === "gateway");

function compliantPod(i) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { ...gateway.spec.template.metadata, name: `gateway-${i}`, namespace: gateway.metadata.namespace },
    spec: gateway.spec.template.spec,
  };
}

function nonCompliantPod(i) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `vllm-${i}`, namespace: "llm", labels: { app: `vllm-${i}` } },
    spec: {
      hostPID: true,
      containers: [
        {
          name: "vllm",
          image: "vllm/vllm-openai:latest",
          env: [
            { name: "HUGGING_FACE_HUB_TOKEN", value: `hf_live_token_${i}` },
            { name: "VLLM_API_KEY", value: `sk-local-${i}1234567890` },
          ],
          securityContext: { privileged: true },
          volumeMounts: [{ name: "root", mountPath: "/host" }],
        },
      ],
      volumes: [{ name: "root", hostPath: { path: "/" } }],
    },
  };
}

function write(name, docs) {
  const file = join(WORK, name);
  writeFileSync(file, docs.map((doc) => stringify(doc)).join("---\n"));
  return file;
}

function measure(file) {
  const out = join(WORK, "linear-cost-report.json");
  const result = spawnSync(
    "/usr/bin/time",
    ["-f", "__TIME__ %e %U %S %M", process.execPath, LLMOPS, "check", file, "-f", "json", "-o", out],
    {
      encoding: "utf8",
      env: { ...process.env, LLMOPS_EVAL_BUDGET_MS: "600000" },
    },
  );
  const line = (result.stderr ?? "")
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("__TIME__"));
  if (!line || result.status === 2)
    throw new Error(`llmops check ${file} failed (exit ${result.status}): ${result.stderr}`);
  const [, wall, user, sys, rss] = line.split(" ").map(Number);
  return {
    wallS: wall,
    cpuS: +(user + sys).toFixed(2),
    peakRssMiB: Math.round(rss / 1024),
    findings: JSON.parse(readFileSync(out, "utf8")).summary.findings,
  };
}

const rows = [];
for (const n of sizes) {
  const compliant = measure(
    write(`pods-compliant-${n}.yaml`, [...namespaceObjects, ...Array.from({ length: n }, (_, i) => compliantPod(i))]),
  );
  const nonCompliant = measure(
    write(
      `pods-noncompliant-${n}.yaml`,
      Array.from({ length: n }, (_, i) => nonCompliantPod(i)),
    ),
  );
  const row = { pods: n, compliant, nonCompliant, ratio: +(nonCompliant.cpuS / compliant.cpuS).toFixed(2) };
  rows.push(row);
  process.stderr.write(
    `${n} pods: compliant ${compliant.cpuS} s CPU (${compliant.findings} findings), non-compliant ${nonCompliant.cpuS} s CPU (${nonCompliant.findings} findings), ratio ${row.ratio}\n`,
  );
}
const largest = rows[rows.length - 1];
const result = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, date: new Date().toISOString() },
  command: `node bench/linear-cost.mjs ${sizes.join(" ")}`,
  targetRatio: TARGET_RATIO,
  met: largest.ratio <= TARGET_RATIO,
  rows,
};
writeFileSync(join(RESULTS, "linear-cost.json"), `${JSON.stringify(result, null, 2)}\n`);
if (!result.met) {
  process.stderr.write(`target missed: ${largest.ratio}x at ${largest.pods} pods (target ≤ ${TARGET_RATIO}x)\n`);
  process.exitCode = 1;
}
