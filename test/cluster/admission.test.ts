/**
 * `llmops admission serve` behind a real kube-apiserver (scripts/cluster.sh): the API server calls
 * the webhook over TLS for every object it is asked to admit, through the same
 * ValidatingWebhookConfiguration object `llmops admission manifests` writes (with a loopback URL in
 * place of the in-cluster Service).
 *
 * - a privileged vLLM Deployment is refused, and the refusal names the same check ids that
 *   `llmops check` reports at or above `high` on the same object;
 * - the compliant Deployment is admitted (and stored);
 * - a privileged pod in kube-system (an excluded system namespace) is admitted;
 * - with the webhook stopped, failurePolicy Fail refuses the compliant Deployment and nothing is stored.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CLI, ROOT, runCli, tempDir } from "../helpers/cli.js";
import { validatingWebhookConfiguration } from "../../components/kubernetes/admission-webhook-config.js";
import { clusterAvailable, createNamespace, startCluster, webhookCertificate, type LocalCluster } from "./cluster.js";

const available = clusterAvailable("the admission webhook suite");
const FIXTURES = join(ROOT, "test", "cluster", "fixtures");
const NAMESPACE = "llm-serving";

function fixture(name: string): Record<string, unknown> {
  return parse(readFileSync(join(FIXTURES, name), "utf8")) as Record<string, unknown>;
}

let cluster: LocalCluster;
let webhook: ChildProcess | undefined;
let webhookLog = "";
let work = "";

/** Starts the webhook on a free loopback port; resolves with the port once /healthz answers. */
async function startWebhook(cert: string, key: string): Promise<number> {
  webhook = spawn(
    process.execPath,
    [CLI, "admission", "serve", "--cert", cert, "--key", key, "--address", "127.0.0.1", "--port", "0"],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the webhook did not start:\n${webhookLog}`)), 60_000);
    webhook!.stderr!.on("data", (chunk: Buffer) => {
      webhookLog += chunk.toString("utf8");
      const listening = /"msg":"listening".*?"port":(\d+)/.exec(webhookLog);
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    });
    webhook!.on("exit", (code) => reject(new Error(`the webhook exited (${code}):\n${webhookLog}`)));
  });
  const health = await new Promise<number>((resolve, reject) => {
    request({ host: "127.0.0.1", port, path: "/healthz", rejectUnauthorized: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on("error", reject)
      .end();
  });
  expect(health).toBe(200);
  return port;
}

describe.skipIf(!available)("llmops admission serve behind a real kube-apiserver", () => {
  beforeAll(async () => {
    work = tempDir("llmops-admission-");
    cluster = startCluster();
    // Before the webhook is installed: the namespaces and their default accounts are not under test.
    await createNamespace(cluster, NAMESPACE);
    await createNamespace(cluster, "kube-system");
    const { cert, key, caBundle } = webhookCertificate(cluster, work);
    const port = await startWebhook(cert, key);
    const configuration = validatingWebhookConfiguration({
      endpoint: { url: `https://127.0.0.1:${port}/validate` },
      caBundle,
    });
    const created = await cluster.api(
      "POST",
      "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations",
      configuration,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // The API server picks a new configuration up through a watch: wait (dry run, nothing stored)
    // until the webhook is being called, so no test races it.
    for (let attempt = 0; attempt < 100; attempt++) {
      const probe = await cluster.api(
        "POST",
        `/apis/apps/v1/namespaces/${NAMESPACE}/deployments?dryRun=All`,
        fixture("vllm-privileged.yaml"),
      );
      if (probe.status === 403) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 300_000);

  afterAll(() => {
    if (webhook && webhook.exitCode === null) webhook.kill("SIGTERM");
    cluster?.stop();
  });

  it("refuses the privileged vLLM Deployment with the check ids llmops check reports on it", async () => {
    const deployment = fixture("vllm-privileged.yaml");
    const file = join(work, "vllm-privileged.json");
    writeFileSync(file, JSON.stringify(deployment));
    const checked = runCli(["check", file, "--format", "json"]);
    expect(checked.status).toBe(1);
    const expected = [
      ...new Set(
        (JSON.parse(checked.stdout) as { findings: Array<{ id: string; severity: string }> }).findings
          .filter((finding) => finding.severity === "critical" || finding.severity === "high")
          .map((finding) => finding.id),
      ),
    ].sort();
    expect(expected.length).toBeGreaterThan(0);

    const result = await cluster.api("POST", `/apis/apps/v1/namespaces/${NAMESPACE}/deployments`, deployment);
    expect(result.status).toBe(403);
    const message = String(result.body.message);
    expect(message).toContain("denied the request");
    const denied = [...new Set([...message.matchAll(/\[(LLM-[A-Z0-9-]+)\]/g)].map((match) => match[1]!))].sort();
    expect(denied).toEqual(expected);
    expect(message).toContain("Fix: ");
    const stored = await cluster.api("GET", `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/vllm`);
    expect(stored.status).toBe(404);
    expect(webhookLog).toMatch(/"msg":"denied".*"bundleRevision":"[0-9a-f]/);
    // The object's literal API key reached the webhook, and no log line carries it.
    expect(webhookLog).not.toContain("sk-local-1234567890");
  });

  it("admits the compliant vLLM Deployment, and it is stored", async () => {
    const deployment = fixture("vllm-compliant.yaml");
    const result = await cluster.api("POST", `/apis/apps/v1/namespaces/${NAMESPACE}/deployments`, deployment);
    expect(result.status, JSON.stringify(result.body).slice(0, 2000)).toBe(201);
    const stored = await cluster.api("GET", `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/vllm-compliant`);
    expect(stored.status).toBe(200);
    expect(webhookLog).toMatch(/"msg":"admitted".*"kind":"Deployment".*"name":"vllm-compliant"/);
  });

  it("admits a privileged pod in an excluded system namespace", async () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "node-agent", namespace: "kube-system" },
      spec: {
        containers: [{ name: "agent", image: "registry.k8s.io/pause:3.10", securityContext: { privileged: true } }],
      },
    };
    const result = await cluster.api("POST", "/api/v1/namespaces/kube-system/pods", pod);
    expect(result.status, JSON.stringify(result.body).slice(0, 2000)).toBe(201);
    // The same pod outside the system namespaces is refused, so the admission above is the exclusion.
    const elsewhere = await cluster.api("POST", `/api/v1/namespaces/${NAMESPACE}/pods`, {
      ...pod,
      metadata: { name: "node-agent", namespace: NAMESPACE },
    });
    expect(elsewhere.status).toBe(403);
    expect(String(elsewhere.body.message)).toMatch(/denied the request: .*\[LLM-[A-Z0-9-]+\]/s);
  });

  it("with the webhook down, failurePolicy Fail refuses and nothing is admitted", async () => {
    webhook!.kill("SIGTERM");
    await new Promise((resolve) => webhook!.once("exit", resolve));
    expect(webhookLog).toMatch(/"msg":"stopping"/);
    const deployment = fixture("vllm-compliant.yaml");
    const renamed = { ...deployment, metadata: { ...(deployment.metadata as object), name: "vllm-while-down" } };
    const result = await cluster.api("POST", `/apis/apps/v1/namespaces/${NAMESPACE}/deployments`, renamed);
    expect(result.status).toBeGreaterThanOrEqual(500);
    expect(String(result.body.message)).toMatch(/failed calling webhook/);
    const stored = await cluster.api("GET", `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/vllm-while-down`);
    expect(stored.status).toBe(404);
  });
});
