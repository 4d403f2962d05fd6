/**
 * `llmops check --cluster` against a real kube-apiserver (scripts/cluster.sh): the objects are
 * created through the API (so they are what the server stored, defaulted and all), then read back
 * through @kubernetes/client-node and judged like a `kubectl get -o json` file.
 */
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, runCli, tempDir } from "../helpers/cli.js";
import { clusterAvailable, createNamespace, startCluster, type LocalCluster } from "./cluster.js";

const available = clusterAvailable("the live-scan suite");
const FIXTURES = join(ROOT, "test", "cluster", "fixtures");
const NAMESPACE = "llm-serving";

interface Report {
  findings: Array<{ id: string; severity: string; file?: string; resource?: string }>;
}

function fixture(name: string): Record<string, unknown> {
  return parse(readFileSync(join(FIXTURES, name), "utf8")) as Record<string, unknown>;
}

let cluster: LocalCluster;
let work = "";

describe.skipIf(!available)("llmops check --cluster against a real kube-apiserver", () => {
  beforeAll(async () => {
    work = tempDir("llmops-live-scan-");
    cluster = startCluster();
    await createNamespace(cluster, NAMESPACE);
    await createNamespace(cluster, "other");
    for (const name of ["vllm-privileged.yaml", "vllm-compliant.yaml"]) {
      const created = await cluster.api("POST", `/apis/apps/v1/namespaces/${NAMESPACE}/deployments`, fixture(name));
      expect(created.status, JSON.stringify(created.body).slice(0, 1000)).toBe(201);
    }
    // A privileged pod in another namespace: --namespace must leave it out.
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "elsewhere", namespace: "other" },
      spec: { containers: [{ name: "c", image: "busybox:latest", securityContext: { privileged: true } }] },
    };
    expect((await cluster.api("POST", "/api/v1/namespaces/other/pods", pod)).status).toBe(201);
  }, 300_000);

  afterAll(() => cluster?.stop());

  const env = () => ({ KUBECONFIG: cluster.kubeconfig });

  it("judges the live Deployment like the same object in a file, with positions that name the object", () => {
    const scanned = runCli(["check", "--cluster", "--namespace", NAMESPACE, "--format", "json"], { env: env() });
    expect(scanned.status, scanned.stderr).toBe(1);
    const live = JSON.parse(scanned.stdout) as Report;
    const onPrivileged = live.findings.filter((finding) => finding.resource === `k8s:${NAMESPACE}:Deployment:vllm`);
    expect(onPrivileged.length).toBeGreaterThan(0);
    for (const finding of onPrivileged)
      expect(finding.file).toBe(`cluster:llmops-local/apis/apps/v1/namespaces/${NAMESPACE}/deployments/vllm`);

    // The same object read back through the API and checked as a file: the same ids on it.
    const file = join(work, "vllm.json");
    writeFileSync(file, JSON.stringify(fixture("vllm-privileged.yaml")));
    const fromFile = JSON.parse(runCli(["check", file, "--format", "json"]).stdout) as Report;
    const ids = (report: Report, resource: string) =>
      [
        ...new Set(report.findings.filter((finding) => finding.resource === resource).map((finding) => finding.id)),
      ].sort();
    const fileIds = ids(fromFile, `k8s:${NAMESPACE}:Deployment:vllm`);
    // The server defaults fields (imagePullPolicy, terminationMessagePath …); no check may flip on them.
    expect(ids(live, `k8s:${NAMESPACE}:Deployment:vllm`)).toEqual(fileIds);
    expect(live.findings.some((finding) => finding.resource?.startsWith("k8s:other:"))).toBe(false);
  });

  it("reads every namespace without --namespace", () => {
    const scanned = runCli(["check", "--cluster", "--format", "json"], { env: env() });
    expect(scanned.status, scanned.stderr).toBe(1);
    const live = JSON.parse(scanned.stdout) as Report;
    expect(live.findings.some((finding) => finding.resource === "k8s:other:Pod:elsewhere")).toBe(true);
  });

  it("exits 2 on an unknown context, and names it", () => {
    const scanned = runCli(["check", "--cluster", "--context", "nope"], { env: env() });
    expect(scanned.status).toBe(2);
    expect(scanned.stderr).toContain("no context named nope");
  });

  it("exits 2, not 0, when the API server cannot be reached", () => {
    const broken = join(work, "kubeconfig");
    writeFileSync(
      broken,
      readFileSync(cluster.kubeconfig, "utf8").replace(
        /server: https:\/\/127\.0\.0\.1:\d+/,
        "server: https://127.0.0.1:1",
      ),
    );
    const scanned = runCli(["check", "--cluster"], { env: { KUBECONFIG: broken } });
    expect(scanned.status).toBe(2);
    expect(scanned.stderr).toContain("cannot reach the API server");
  });
});
