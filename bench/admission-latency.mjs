// Admission latency: 1,000 AdmissionReview v1 requests for one vLLM Deployment, sent one at a time
// over HTTPS keep-alive to a real `llmops admission serve` process on loopback, against the same
// object judged by `llmops check` (a new process per run, as a CI step would) and by the in-process
// check pipeline (checkRuntime, what `llmops check` runs once loaded).
//
//   node bench/admission-latency.mjs [--reviews N] [--check-runs N]
//
// Writes bench/results/admission-latency.json and .md. Needs `npm run build`, the policy bundle and
// openssl. Bounded: N requests to 127.0.0.1 only, then the server is stopped.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { Agent, request } from "node:https";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { loopbackCert } from "../test/helpers/loopback-cert.mjs";
import { machineInfo } from "./machine.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const RESULTS = join(ROOT, "bench", "results");
const LLMOPS = join(ROOT, "bin", "llmops.js");
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const REVIEWS = arg("--reviews", 1000);
const CHECK_RUNS = arg("--check-runs", 20);
const FIXTURES = join(ROOT, "test", "cluster", "fixtures");

const percentile = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};
const summary = (values) => ({
  n: values.length,
  p50: round(percentile(values, 0.5)),
  p99: round(percentile(values, 0.99)),
  max: round(Math.max(...values)),
});
const round = (ms) => Math.round(ms * 100) / 100;

const work = mkdtempSync(join(tmpdir(), "llmops-admission-bench-"));
const { key, cert, ...made } = loopbackCert(work);
if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);

const objects = {
  privileged: parse(readFileSync(join(FIXTURES, "vllm-privileged.yaml"), "utf8")),
  compliant: parse(readFileSync(join(FIXTURES, "vllm-compliant.yaml"), "utf8")),
};

// --- the webhook, as a separate process, over HTTPS --------------------------------------------
const server = spawn(
  process.execPath,
  [LLMOPS, "admission", "serve", "--cert", cert, "--key", key, "--address", "127.0.0.1", "--port", "0"],
  { stdio: ["ignore", "ignore", "pipe"] },
);
let log = "";
const port = await new Promise((resolvePort, reject) => {
  server.stderr.on("data", (chunk) => {
    log += chunk;
    const match = /"msg":"listening".*?"port":(\d+)/.exec(log);
    if (match) resolvePort(Number(match[1]));
  });
  server.on("exit", (code) => reject(new Error(`server exited ${code}: ${log}`)));
});
const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: readFileSync(cert) });
const post = (body) =>
  new Promise((resolveCall, reject) => {
    const started = performance.now();
    const call = request(
      {
        host: "127.0.0.1",
        port,
        path: "/validate",
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolveCall({ ms: performance.now() - started, response: JSON.parse(text).response }));
      },
    );
    call.on("error", reject);
    call.end(body);
  });
const reviewBody = (object, i) =>
  JSON.stringify({
    apiVersion: "admission.k8s.io/v1",
    kind: "AdmissionReview",
    request: {
      uid: `bench-${i}`,
      kind: { group: "apps", version: "v1", kind: "Deployment" },
      operation: "CREATE",
      namespace: object.metadata.namespace,
      name: object.metadata.name,
      object,
    },
  });

const webhook = {};
for (const [name, object] of Object.entries(objects)) {
  for (let i = 0; i < 50; i++) await post(reviewBody(object, i)); // warm-up, not counted
  const times = [];
  let last;
  for (let i = 0; i < REVIEWS; i++) {
    const { ms, response } = await post(reviewBody(object, i));
    times.push(ms);
    last = response;
  }
  webhook[name] = {
    ...summary(times),
    allowed: last.allowed,
    denied: (last.status?.details?.causes ?? []).map((cause) => cause.reason),
  };
}
server.kill("SIGTERM");
agent.destroy();
const decisionTimes = log
  .split("\n")
  .filter((line) => line.includes('"evaluationMs"') && line.includes('"uid":"bench-'))
  .map((line) => JSON.parse(line).evaluationMs);

// --- the same object through llmops check ------------------------------------------------------
const check = {};
for (const [name, object] of Object.entries(objects)) {
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(object));
  const times = [];
  let status;
  for (let i = 0; i < CHECK_RUNS; i++) {
    const started = performance.now();
    status = spawnSync(process.execPath, [LLMOPS, "check", file, "--format", "json"], { encoding: "utf8" }).status;
    times.push(performance.now() - started);
  }
  check[name] = { ...summary(times), exitCode: status };
}
// In process: the pipeline `llmops check` runs after start-up, on the same resource.
const { PolicyEngine } = await import(join(ROOT, "dist/policies/engine/engine.js"));
const { defaultBundleDir } = await import(join(ROOT, "dist/policies/engine/spec-policies.js"));
const { checkRuntime } = await import(join(ROOT, "dist/policies/engine/check-runtime.js"));
const { kubernetesResource } = await import(join(ROOT, "dist/policies/engine/adapters/kubernetes-object.js"));
const engine = await PolicyEngine.load(defaultBundleDir());
const inProcess = {};
for (const [name, object] of Object.entries(objects)) {
  const times = [];
  for (let i = 0; i < REVIEWS + 50; i++) {
    const started = performance.now();
    checkRuntime(engine, { resources: [kubernetesResource(structuredClone(object))] }, ["bench"]);
    if (i >= 50) times.push(performance.now() - started);
  }
  inProcess[name] = summary(times);
}

const machine = {
  ...machineInfo(),
  loadAverageAtEnd: loadavg().map((value) => Math.round(value * 10) / 10),
};
const result = {
  machine,
  reviews: REVIEWS,
  checkRuns: CHECK_RUNS,
  webhookRoundTripMs: webhook,
  webhookDecisionMs: summary(decisionTimes),
  checkProcessMs: check,
  checkInProcessMs: inProcess,
  bundleRevision: /"bundleRevision":"([^"]+)"/.exec(log)?.[1],
};
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, "admission-latency.json"), `${JSON.stringify(result, null, 2)}\n`);
const row = (label, s) => `| ${label} | ${s.n} | ${s.p50} | ${s.p99} | ${s.max} |`;
writeFileSync(
  join(RESULTS, "admission-latency.md"),
  [
    "# Admission latency",
    "",
    `Generated by \`node bench/admission-latency.mjs\` on ${machine.date}: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}.`,
    `Load average at the end of the run: ${machine.loadAverageAtEnd.join(", ")} (the machine is shared; other work ran at the same time, so these are upper bounds).`,
    "",
    "Target (issue 23): p99 ≤ 25 ms per review of a Deployment, well under the API server's 10 s webhook timeout.",
    "",
    "| measure (ms) | n | p50 | p99 | max |",
    "|---|---|---|---|---|",
    row("webhook round trip, privileged Deployment (HTTPS keep-alive, denied)", webhook.privileged),
    row("webhook round trip, compliant Deployment (admitted)", webhook.compliant),
    row("webhook decision inside the server (both objects, from its logs)", result.webhookDecisionMs),
    row("`llmops check` on the same privileged object, new process each run", check.privileged),
    row("`llmops check` on the same compliant object, new process each run", check.compliant),
    row("check pipeline in process (checkRuntime), privileged", inProcess.privileged),
    row("check pipeline in process (checkRuntime), compliant", inProcess.compliant),
    "",
    `Denied ids (webhook): ${webhook.privileged.denied.join(", ")}. \`llmops check\` exit codes: privileged ${check.privileged.exitCode}, compliant ${check.compliant.exitCode}.`,
    "",
  ].join("\n"),
);
console.log(JSON.stringify(result, null, 2));
