/**
 * `llmops check --cluster` reading: what it asks an API server for and how it turns the answers
 * into resources, against a small loopback HTTP server that answers with API-shaped lists
 * (items without apiVersion/kind, as the real server sends them). This pins the requests
 * (paths, namespace scoping, discovery of serving custom resources) without a control plane;
 * test/cluster/live-scan.test.ts runs the same command against a real kube-apiserver.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers/cli.js";
import { readCluster, ClusterReadError } from "../cli/cluster/read-cluster.js";

const requested: string[] = [];
let server: Server;
let kubeconfig = "";
let forbid = "";

const privilegedPod = {
  metadata: { name: "p", namespace: "llm" },
  spec: { containers: [{ name: "c", image: "x", securityContext: { privileged: true } }] },
};
const inferenceService = {
  metadata: { name: "isvc", namespace: "llm" },
  spec: { predictor: { model: { modelFormat: { name: "huggingface" } } } },
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "";
    requested.push(path);
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (forbid !== "" && path.startsWith(forbid))
      return json(403, { kind: "Status", message: "forbidden: user cannot list" });
    if (path === "/apis/serving.kserve.io")
      return json(200, { preferredVersion: { groupVersion: "serving.kserve.io/v1beta1" } });
    if (path === "/apis/serving.kserve.io/v1beta1") {
      return json(200, {
        resources: [
          { name: "inferenceservices", kind: "InferenceService", namespaced: true },
          { name: "inferenceservices/status", kind: "InferenceService", namespaced: true },
        ],
      });
    }
    if (/^\/apis\/[^/]+$/.test(path)) return json(404, { kind: "Status", message: "not found" });
    if (path.endsWith("/pods")) return json(200, { kind: "PodList", items: [privilegedPod] });
    if (path.endsWith("/inferenceservices"))
      return json(200, { kind: "InferenceServiceList", items: [inferenceService] });
    if (path === "/api/v1/namespaces/llm")
      return json(200, { apiVersion: "v1", kind: "Namespace", metadata: { name: "llm" } });
    if (path === "/api/v1/namespaces/missing") return json(404, { kind: "Status", message: "not found" });
    return json(200, { items: [] });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const dir = tempDir("llmops-cluster-read-");
  kubeconfig = join(dir, "kubeconfig");
  writeFileSync(
    kubeconfig,
    [
      "apiVersion: v1",
      "kind: Config",
      `clusters: [{name: c, cluster: {server: "http://127.0.0.1:${(server.address() as AddressInfo).port}", insecure-skip-tls-verify: true}}]`,
      "users: [{name: u, user: {token: not-a-secret}}]",
      "contexts: [{name: local, context: {cluster: c, user: u}}, {name: other, context: {cluster: c, user: u}}]",
      "current-context: local",
      "",
    ].join("\n"),
  );
});
afterAll(() => server?.close());

describe("reading a cluster for llmops check --cluster", () => {
  it("lists every kind across namespaces, adds apiVersion and kind to list items, and names each object", async () => {
    requested.length = 0;
    const { context, resources } = await readCluster({
      kubeconfig,
      servingKinds: ["serving.kserve.io/InferenceService", "ray.io/RayCluster"],
    });
    expect(context).toBe("local");
    expect(requested).toContain("/api/v1/pods");
    expect(requested).toContain("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings");
    expect(requested).toContain("/apis/serving.kserve.io/v1beta1/inferenceservices");
    expect(requested).toContain("/apis/ray.io");
    expect(requested.some((path) => path.startsWith("/apis/ray.io/"))).toBe(false);
    const pod = resources.find((resource) => resource.type === "kubernetes:core/v1:Pod");
    expect(pod).toMatchObject({ urn: "k8s:llm:Pod:p", props: { apiVersion: "v1", kind: "Pod" } });
    expect(pod?.source?.file).toBe("cluster:local/api/v1/namespaces/llm/pods/p");
    expect(
      resources.find((resource) => resource.type === "kubernetes:serving.kserve.io/v1beta1:InferenceService")?.source
        ?.file,
    ).toBe("cluster:local/apis/serving.kserve.io/v1beta1/namespaces/llm/inferenceservices/isvc");
  });

  it("scopes namespaced kinds to --namespace and switches --context", async () => {
    requested.length = 0;
    const { context } = await readCluster({ kubeconfig, context: "other", namespace: "llm", servingKinds: [] });
    expect(context).toBe("other");
    expect(requested).toContain("/api/v1/namespaces/llm/pods");
    expect(requested).toContain("/api/v1/namespaces/llm");
    expect(requested).not.toContain("/api/v1/pods");
  });

  it("fails (exit 2) rather than checking nothing: unknown context, missing namespace, a refused list", async () => {
    await expect(readCluster({ kubeconfig, context: "nope", servingKinds: [] })).rejects.toThrow(
      /no context named nope/,
    );
    await expect(readCluster({ kubeconfig, namespace: "missing", servingKinds: [] })).rejects.toThrow(
      /namespace missing does not exist/,
    );
    forbid = "/apis/rbac.authorization.k8s.io";
    try {
      await expect(readCluster({ kubeconfig, servingKinds: [] })).rejects.toThrow(ClusterReadError);
    } finally {
      forbid = "";
    }
  });
});
