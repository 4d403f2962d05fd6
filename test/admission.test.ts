/**
 * `llmops admission serve` without a cluster: the decision (cli/admission/review.ts) on
 * AdmissionReview requests, and the HTTPS server (cli/admission/server.ts): health, routing,
 * refusal of malformed reviews, structured logs with the bundle revision and without object
 * contents. The behaviour behind a real API server is in test/cluster/admission.test.ts.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, tempDir } from "./helpers/cli.js";
import { loopbackCert } from "./helpers/loopback-cert.mjs";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";
import type { PolicyEngine } from "../policies/engine/engine.js";
import type { AdmissionPolicy } from "../cli/admission/review.js";

const built = bundleBuilt();
const FIXTURES = join(ROOT, "test", "cluster", "fixtures");
const fixture = (name: string) => parse(readFileSync(join(FIXTURES, name), "utf8")) as Record<string, unknown>;

function review(object: unknown, overrides: Record<string, unknown> = {}) {
  const metadata = (object as { metadata?: { name?: string; namespace?: string } }).metadata;
  return {
    apiVersion: "admission.k8s.io/v1",
    kind: "AdmissionReview",
    request: {
      uid: "7f0b2c1e-0000-4000-8000-000000000001",
      kind: { group: "apps", version: "v1", kind: "Deployment" },
      operation: "CREATE",
      namespace: metadata?.namespace,
      name: metadata?.name,
      object,
      ...overrides,
    },
  };
}

describe.skipIf(!built)("admission decisions", () => {
  let engine: PolicyEngine;
  let review_: typeof import("../cli/admission/review.js");
  let policy: AdmissionPolicy;

  beforeAll(async () => {
    const { PolicyEngine } = await import("../policies/engine/engine.js");
    engine = await PolicyEngine.load(BUNDLE_DIR);
    review_ = await import("../cli/admission/review.js");
    policy = {
      engine,
      failOn: "high",
      excludedNamespaces: new Set(review_.DEFAULT_EXCLUDED_NAMESPACES),
      budgetMs: 5000,
    };
  });

  const decide = (body: unknown, overrides: Partial<AdmissionPolicy> = {}) =>
    review_.reviewRequest({ ...policy, ...overrides }, review_.admissionRequest(body));

  it("denies the privileged vLLM Deployment with ids, messages, remediation and one cause per finding", () => {
    const outcome = decide(review(fixture("vllm-privileged.yaml")));
    expect(outcome.response.allowed).toBe(false);
    expect(outcome.response.status?.code).toBe(403);
    const causes = outcome.response.status?.details?.causes ?? [];
    expect(causes.length).toBeGreaterThan(0);
    expect(new Set(causes.map((cause) => cause.reason))).toEqual(new Set(outcome.denied));
    for (const id of outcome.denied) expect(outcome.response.status?.message).toContain(`[${id}]`);
    expect(outcome.response.status?.message).toContain("Fix: ");
    for (const cause of causes) expect(cause.field).toMatch(/^\/resources\/0(\/|$)/);
  });

  it("admits the compliant Deployment with no finding at or above the threshold", () => {
    const outcome = decide(review(fixture("vllm-compliant.yaml")));
    expect(outcome.response.allowed, outcome.response.status?.message).toBe(true);
    expect(outcome.denied).toEqual([]);
  });

  it("returns findings below the threshold as warnings", () => {
    const outcome = decide(review(fixture("vllm-privileged.yaml")), { failOn: "critical" });
    const strict = decide(review(fixture("vllm-privileged.yaml")));
    const highOnly = strict.denied.filter((id) => !outcome.denied.includes(id));
    expect(highOnly.length).toBeGreaterThan(0);
    for (const id of highOnly)
      expect(outcome.response.warnings?.some((warning) => warning.startsWith(`${id} (high)`))).toBe(true);
  });

  it("applies waivers as check does: a current one turns a denial into a warning, an expired one does not", () => {
    const strict = decide(review(fixture("vllm-privileged.yaml")));
    const waivers = strict.denied.map((policyId) => ({
      policyId,
      reason: "migration",
      approver: "sec@example.com",
      expires: "2099-01-01",
    }));
    const waived = decide(review(fixture("vllm-privileged.yaml")), { waivers: () => waivers });
    expect(waived.response.allowed).toBe(true);
    expect([...waived.waived].sort()).toEqual([...strict.denied].sort());
    expect(waived.response.warnings?.some((warning) => warning.includes("waived until 2099-01-01"))).toBe(true);
    const expired = decide(review(fixture("vllm-privileged.yaml")), {
      waivers: () => waivers.map((waiver) => ({ ...waiver, expires: "2000-01-01" })),
    });
    expect(expired.response.allowed).toBe(false);
  });

  it("applies a waiver file as check does: its resource match reads the object under review; unused waivers are not reported on a review", async () => {
    const strict = decide(review(fixture("vllm-privileged.yaml")));
    const dir = tempDir("llmops-admission-waivers-");
    const file = join(dir, "waivers.yaml");
    const entries = (name: string) =>
      strict.denied
        .map(
          (policyId) => `  - policyId: ${policyId}
    reason: migration
    approver: sec@example.com
    expires: "2099-01-01"
    resource: { kind: Deployment, name: "${name}" }
`,
        )
        .join("");
    const { loadWaiverFile } = await import("../policies/engine/waiver-file.js");
    writeFileSync(
      file,
      `apiVersion: llmops/v1alpha1\nkind: Waivers\nwaivers:\n${entries("vllm*")}  - policyId: LLM-K8S-009\n    reason: unused here\n    approver: sec@example.com\n    expires: "2099-01-01"\n    resource: { name: other }\n`,
    );
    const matching = decide(review(fixture("vllm-privileged.yaml")), { waiverFile: await loadWaiverFile(file) });
    expect(matching.response.allowed).toBe(true);
    expect([...matching.waived].sort()).toEqual([...strict.denied].sort());
    expect(matching.warned).not.toContain("LLM-WAIVER-002");
    writeFileSync(file, `apiVersion: llmops/v1alpha1\nkind: Waivers\nwaivers:\n${entries("someone-else")}`);
    const other = decide(review(fixture("vllm-privileged.yaml")), { waiverFile: await loadWaiverFile(file) });
    expect(other.response.allowed).toBe(false);
    expect([...other.denied].sort()).toEqual([...strict.denied].sort());
  });

  it("admits objects in excluded namespaces, and DELETE, without evaluating them", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "agent", namespace: "kube-system" },
      spec: { containers: [{ name: "c", image: "x:latest", securityContext: { privileged: true } }] },
    };
    expect(decide(review(pod))).toMatchObject({ response: { allowed: true }, skipped: "excluded-namespace" });
    expect(decide(review(fixture("vllm-privileged.yaml"), { operation: "DELETE", object: null }))).toMatchObject({
      response: { allowed: true },
      skipped: "operation",
    });
  });

  it("fails closed: over its time budget, or on an object it cannot read, it denies", () => {
    const slow = decide(review(fixture("vllm-compliant.yaml")), { budgetMs: 1e-9 });
    expect(slow.response).toMatchObject({ allowed: false, status: { reason: "Timeout" } });
    const unreadable = decide(
      review({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "p", namespace: "x" },
        spec: { hostNetwork: "maybe" },
      }),
    );
    expect(unreadable.response).toMatchObject({ allowed: false, status: { code: 500 } });
  });

  it("installs itself compliantly: its own manifests have no finding at or above high", async () => {
    const { admissionWebhookManifests } = await import("../components/kubernetes/admission-manifests.js");
    const { kubernetesResource } = await import("../policies/engine/adapters/kubernetes-object.js");
    const objects = admissionWebhookManifests({
      image: `registry.internal.example.com/platform/llmops@sha256:${"a".repeat(64)}`,
      certificates: { certManager: { issuer: "ca" } },
    });
    expect(objects.map((object) => object.kind)).toEqual([
      "Namespace",
      "ServiceAccount",
      "Certificate",
      "Deployment",
      "PodDisruptionBudget",
      "Service",
      "NetworkPolicy",
      "ValidatingWebhookConfiguration",
    ]);
    const findings = engine.evaluateRuntime({
      resources: objects.map((object) => kubernetesResource(object as never)),
    });
    expect(
      findings
        .filter((finding) => finding.severity === "critical" || finding.severity === "high")
        .map((finding) => `${finding.id} ${finding.message}`),
    ).toEqual([]);
    expect(() =>
      admissionWebhookManifests({ image: "llmops:latest", certificates: { certManager: { issuer: "ca" } } }),
    ).toThrow(/pinned by digest/);
  });

  it("refuses a body that is not an AdmissionReview v1 with a uid", () => {
    expect(() =>
      review_.admissionRequest({
        apiVersion: "admission.k8s.io/v1beta1",
        kind: "AdmissionReview",
        request: { uid: "u" },
      }),
    ).toThrow(review_.BadReviewError);
    expect(() =>
      review_.admissionRequest({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request: {} }),
    ).toThrow(/request\.uid/);
  });
});

describe.skipIf(!built || spawnSync("openssl", ["version"]).status !== 0)("the admission HTTPS server", () => {
  let url: URL;
  let close: () => void;
  const lines: string[] = [];
  let ca: Buffer;

  beforeAll(async () => {
    const dir = tempDir("llmops-webhook-");
    const { key, cert, status } = loopbackCert(dir);
    expect(status).toBe(0);
    ca = readFileSync(cert);
    const { PolicyEngine } = await import("../policies/engine/engine.js");
    const { createAdmissionServer } = await import("../cli/admission/server.js");
    const { DEFAULT_EXCLUDED_NAMESPACES } = await import("../cli/admission/review.js");
    const engine = await PolicyEngine.load(BUNDLE_DIR);
    const { server } = createAdmissionServer({
      cert: readFileSync(cert),
      key: readFileSync(key),
      log: (line) => lines.push(line),
      policy: { engine, failOn: "high", excludedNamespaces: new Set(DEFAULT_EXCLUDED_NAMESPACES), budgetMs: 5000 },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = new URL(`https://127.0.0.1:${(server.address() as AddressInfo).port}`);
    close = () => server.close();
  });
  afterAll(() => close?.());

  const call = (method: string, path: string, body?: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      request(
        new URL(path, url),
        { method, ca, headers: body ? { "content-type": "application/json" } : {} },
        (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        },
      )
        .on("error", reject)
        .end(body);
    });

  it("answers /healthz, 404 elsewhere, 405 on GET /validate, 400 on a malformed review", async () => {
    expect(await call("GET", "/healthz")).toEqual({ status: 200, text: "ok" });
    expect((await call("GET", "/nope")).status).toBe(404);
    expect((await call("GET", "/validate")).status).toBe(405);
    expect((await call("POST", "/validate", "{not json")).status).toBe(400);
    expect((await call("POST", "/validate", JSON.stringify({ kind: "AdmissionReview" }))).status).toBe(400);
  });

  it("answers an AdmissionReview v1 and logs one JSON line with the bundle revision and no object contents", async () => {
    const answer = await call("POST", "/validate", JSON.stringify(review(fixture("vllm-privileged.yaml"))));
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.text) as {
      apiVersion: string;
      kind: string;
      response: { uid: string; allowed: boolean };
    };
    expect(body).toMatchObject({
      apiVersion: "admission.k8s.io/v1",
      kind: "AdmissionReview",
      response: { uid: "7f0b2c1e-0000-4000-8000-000000000001", allowed: false },
    });
    const logged = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.msg === "denied");
    expect(logged).toMatchObject({
      level: "warn",
      kind: "Deployment",
      namespace: "llm-serving",
      name: "vllm",
      allowed: false,
    });
    expect(String(logged?.bundleRevision)).toMatch(/^[0-9a-f]{8,}/);
    expect(lines.join("")).not.toContain("sk-local-1234567890");
    expect(lines.join("")).not.toContain("vllm/vllm-openai");
  });
});
