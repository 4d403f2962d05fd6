/**
 * `pulumi up` against a real kube-apiserver (scripts/cluster.sh): the campaign summariser's
 * `kubernetes` target deployed by the built Pulumi CLI, Node.js host and Kubernetes provider
 * (scripts/install-engine.sh) through a kubeconfig, not to a render directory. The objects are then
 * read back through the API and judged on what the server stored; a second `up` must be a no-op and
 * `destroy` must remove every object.
 *
 * What the control plane cannot do, and how the stack is told (`llmops:apiServerOnly`, see
 * apiServerOnlyTransformation in stacks/kubernetes-stack.ts): no kubelet, scheduler or controller
 * manager runs, so no Deployment ever becomes available, no Service gets endpoints, no Job completes,
 * no foreground deletion is ever finished by a garbage collector and no Namespace is ever finalised.
 * The stack therefore deploys with `pulumi.com/skipAwait` and background deletion propagation; every
 * object is still validated, defaulted, admitted (Pod Security admission included) and stored by the
 * real server.
 *
 * The stack also creates cert-manager Certificates and Issuers (the namespace CA of TLS in transit),
 * KEDA ScaledObjects and prometheus-operator PodMonitors. Their operators are not installed here, so
 * the test registers stand-in CustomResourceDefinitions for the four kinds (group, version, kind and plural as upstream, the
 * schema left open with x-kubernetes-preserve-unknown-fields): the server stores those objects
 * without checking their fields against the operators' own schemas.
 *
 * The steps share one stack and one control plane and run in order; each prints its wall time.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, tempDir } from "../helpers/cli.js";
import { engineMissing, ENGINE_BIN, ENGINE_PLUGINS } from "../engine/engine.js";
import { clusterAvailable, startCluster, type LocalCluster } from "./cluster.js";

function engineAvailable(): boolean {
  const missing = engineMissing();
  if (missing === undefined) return true;
  const required = process.env.LLMOPS_REQUIRE_CLUSTER === "1" || process.env.LLMOPS_REQUIRE_ENGINE === "1";
  if (required)
    throw new Error(`the Pulumi engine is required here but ${missing} (run bash scripts/install-engine.sh)`);
  console.warn(`SKIP: pulumi up against the local API server: ${missing} (run bash scripts/install-engine.sh)`);
  return false;
}

const available = clusterAvailable("pulumi up against the local API server") && engineAvailable();
const STEP_TIMEOUT = 600_000;
const SPEC_FILE = join(ROOT, "examples", "campaign-summariser.rag.yaml");
const timings: Record<string, number> = {};

interface Spec {
  spec: {
    target: { kubernetes: { namespace: string } };
    models: Array<{ name: string; serving: { image: { repository: string; digest: string } } }>;
  };
}
const spec = parse(readFileSync(SPEC_FILE, "utf8")) as Spec;
const NAMESPACE = spec.spec.target.kubernetes.namespace;

/** The custom resource kinds the stack creates whose operators are not installed here. */
const STAND_IN_CRDS = [
  { group: "cert-manager.io", version: "v1", kind: "Certificate", plural: "certificates" },
  { group: "cert-manager.io", version: "v1", kind: "Issuer", plural: "issuers" },
  { group: "keda.sh", version: "v1alpha1", kind: "ScaledObject", plural: "scaledobjects" },
  { group: "monitoring.coreos.com", version: "v1", kind: "PodMonitor", plural: "podmonitors" },
] as const;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly output: string;
}
interface StateResource {
  urn: string;
  type: string;
  custom?: boolean;
  outputs?: { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };
}

let cluster: LocalCluster;
let work = "";
let project = "";
let env: NodeJS.ProcessEnv = {};

function pulumi(step: string, args: readonly string[]): Run {
  const started = process.hrtime.bigint();
  const result = spawnSync(join(ENGINE_BIN, "pulumi"), [...args, "--non-interactive", "--color", "never"], {
    cwd: project,
    env,
    encoding: "utf8",
    timeout: STEP_TIMEOUT - 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  timings[step] = (timings[step] ?? 0) + Number(process.hrtime.bigint() - started) / 1e9;
  const output = `${result.stdout}\n${result.stderr}${result.error ? `\n${String(result.error)}` : ""}`;
  if (process.env.LLMOPS_ENGINE_VERBOSE)
    console.log(`--- pulumi ${args.join(" ")} (${step}) exit ${result.status}\n${output}`);
  return { status: result.status, stdout: result.stdout, output };
}

function expectOk(run: Run): void {
  if (run.status !== 0) throw new Error(`pulumi exited ${run.status}:\n${run.output}`);
}

/** The Kubernetes objects recorded in the stack's state, each with its API path. */
function stackObjects(): Array<{ kind: string; name: string; path: string }> {
  const exported = pulumi("state", ["stack", "export"]);
  expectOk(exported);
  const state = JSON.parse(exported.stdout) as { deployment: { resources?: StateResource[] } };
  return (state.deployment.resources ?? [])
    .filter((resource) => resource.custom && resource.type.startsWith("kubernetes:") && resource.outputs?.kind)
    .map((resource) => {
      const { apiVersion = "", kind = "", metadata = {} } = resource.outputs!;
      return {
        kind,
        name: `${metadata.namespace ?? ""}/${metadata.name ?? ""}`,
        path: objectPath(apiVersion, kind, metadata.name ?? "", metadata.namespace),
      };
    });
}

/** The REST path of one object (core or named group; plural by the API's own rule for these kinds). */
function objectPath(apiVersion: string, kind: string, name: string, namespace?: string): string {
  const standIn = STAND_IN_CRDS.find((crd) => crd.kind === kind);
  const plurals: Record<string, string> = {
    NetworkPolicy: "networkpolicies",
    PodDisruptionBudget: "poddisruptionbudgets",
    LimitRange: "limitranges",
    ResourceQuota: "resourcequotas",
  };
  const plural = standIn?.plural ?? plurals[kind] ?? `${kind.toLowerCase()}s`;
  const base = apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  return `${base}${namespace ? `/namespaces/${namespace}` : ""}/${plural}/${name}`;
}

async function get(path: string): Promise<Record<string, unknown>> {
  const read = await cluster.api("GET", path);
  if (read.status !== 200)
    throw new Error(`GET ${path}: HTTP ${read.status} ${JSON.stringify(read.body).slice(0, 500)}`);
  return read.body;
}

describe.skipIf(!available)("pulumi up against a real kube-apiserver", () => {
  beforeAll(async () => {
    const started = process.hrtime.bigint();
    work = tempDir("llmops-pulumi-up-");
    cluster = startCluster();
    for (const crd of STAND_IN_CRDS) {
      const created = await cluster.api("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", {
        apiVersion: "apiextensions.k8s.io/v1",
        kind: "CustomResourceDefinition",
        metadata: { name: `${crd.plural}.${crd.group}` },
        spec: {
          group: crd.group,
          scope: "Namespaced",
          names: { kind: crd.kind, plural: crd.plural, singular: crd.kind.toLowerCase(), listKind: `${crd.kind}List` },
          versions: [
            {
              name: crd.version,
              served: true,
              storage: true,
              schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
            },
          ],
        },
      });
      expect(created.status, JSON.stringify(created.body).slice(0, 500)).toBe(201);
    }
    // The API server's own CRD controllers establish them; wait until they serve.
    for (const crd of STAND_IN_CRDS) {
      for (let attempt = 0; ; attempt++) {
        const list = await cluster.api("GET", `/apis/${crd.group}/${crd.version}/${crd.plural}`);
        if (list.status === 200) break;
        if (attempt > 100) throw new Error(`${crd.plural}.${crd.group} not served after 20 s: HTTP ${list.status}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }

    const home = join(work, "pulumi-home");
    mkdirSync(home);
    symlinkSync(ENGINE_PLUGINS, join(home, "plugins"));
    mkdirSync(join(work, "state"));
    env = {
      ...process.env,
      PATH: `${ENGINE_BIN}:${process.env.PATH ?? ""}`,
      PULUMI_HOME: home,
      PULUMI_BACKEND_URL: `file://${join(work, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "cluster-suite-only",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      NO_COLOR: "1",
      KUBECONFIG: cluster.kubeconfig,
    };
    // The repository's own project and compiled program, in a directory outside the checkout.
    project = join(work, "project");
    mkdirSync(project);
    writeFileSync(join(project, "Pulumi.yaml"), readFileSync(join(ROOT, "Pulumi.yaml"), "utf8"));
    copyFileSync(join(ROOT, "package.json"), join(project, "package.json"));
    symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"));
    symlinkSync(join(ROOT, "dist"), join(project, "dist"));
    expectOk(pulumi("setup", ["stack", "init", "cluster", "--secrets-provider", "passphrase"]));
    expectOk(pulumi("setup", ["config", "set", "llmops:spec", SPEC_FILE]));
    // The production spec's gate blocks: it deploys with its committed passing evidence (issue 20).
    expectOk(
      pulumi("setup", [
        "config",
        "set",
        "llmops:evidence",
        join(ROOT, "examples", "evidence", "campaign-summariser.evidence.yaml"),
      ]),
    );
    expectOk(pulumi("setup", ["config", "set", "llmops:evidenceAsOf", "2026-12-01T00:00:00Z"]));
    expectOk(pulumi("setup", ["config", "set", "llmops:kubeconfig", cluster.kubeconfig]));
    // The spec names its production context (fra1-gpu); here the local plane's context is used.
    expectOk(pulumi("setup", ["config", "set", "llmops:context", "llmops-local"]));
    expectOk(pulumi("setup", ["config", "set", "--type", "bool", "llmops:apiServerOnly", "true"]));
    timings.setup = Number(process.hrtime.bigint() - started) / 1e9;
  }, STEP_TIMEOUT);

  afterAll(() => {
    cluster?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
    const line = Object.entries(timings)
      .map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`)
      .join(", ");
    console.log(`pulumi up (cluster) wall times: ${line}`);
  });

  it(
    "1. up creates every object of the stack in the API server",
    async () => {
      const run = pulumi("1 up", ["up", "--yes", "--skip-preview"]);
      expectOk(run);
      expect(run.output).toMatch(/\d+ created/);
      const objects = stackObjects();
      expect(objects.length).toBeGreaterThan(50);
      const missing: string[] = [];
      for (const object of objects) {
        const read = await cluster.api("GET", object.path);
        if (read.status !== 200) missing.push(`${object.kind} ${object.name}: HTTP ${read.status}`);
      }
      expect(missing).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it("2. the namespace enforces the restricted Pod Security Standard", async () => {
    const namespace = (await get(`/api/v1/namespaces/${NAMESPACE}`)) as {
      metadata: { labels: Record<string, string> };
      status: { phase: string };
    };
    expect(namespace.metadata.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": "restricted",
      "pod-security.kubernetes.io/audit": "restricted",
      "pod-security.kubernetes.io/warn": "restricted",
    });
    expect(namespace.status.phase).toBe("Active");
  });

  it("3. the model server's Deployment is restricted and pinned by digest, as stored by the server", async () => {
    const model = spec.spec.models[0]!;
    interface Container {
      name: string;
      image: string;
      securityContext: Record<string, unknown>;
    }
    const deployment = (await get(`/apis/apps/v1/namespaces/${NAMESPACE}/deployments/inference-${model.name}`)) as {
      metadata: { annotations?: Record<string, string> };
      spec: {
        template: {
          spec: {
            automountServiceAccountToken?: boolean;
            hostNetwork?: boolean;
            securityContext: Record<string, unknown>;
            containers: Container[];
            initContainers?: Container[];
          };
        };
      };
    };
    const pod = deployment.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.hostNetwork ?? false).toBe(false);
    for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
      expect(container.securityContext, container.name).toMatchObject({
        allowPrivilegeEscalation: false,
        privileged: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      });
      expect(container.image, container.name).toMatch(/@sha256:[0-9a-f]{64}$/);
    }
    const server = pod.containers.find((container) => container.image.startsWith(`${model.serving.image.repository}@`));
    expect(server?.image).toBe(`${model.serving.image.repository}@${model.serving.image.digest}`);
    // The no-kubelet settings are on the object, so a reader of the live state can see why nothing ran.
    expect(deployment.metadata.annotations?.["pulumi.com/skipAwait"]).toBe("true");
  });

  it("4. the namespace denies all traffic by default, and the model server admits only what its policy names", async () => {
    const list = (await get(`/apis/networking.k8s.io/v1/namespaces/${NAMESPACE}/networkpolicies`)) as {
      items: Array<{
        metadata: { name: string };
        spec: { podSelector: { matchLabels?: Record<string, string> }; policyTypes?: string[]; ingress?: unknown[] };
      }>;
    };
    const names = list.items.map((item) => item.metadata.name);
    expect(names).toContain("default-deny-all");
    const denyAll = list.items.find((item) => item.metadata.name === "default-deny-all")!;
    expect(denyAll.spec.podSelector).toEqual({});
    expect([...(denyAll.spec.policyTypes ?? [])].sort()).toEqual(["Egress", "Ingress"]);
    expect(denyAll.spec.ingress ?? []).toEqual([]);
    const modelIngress = list.items.find(
      (item) => item.metadata.name === `inference-${spec.spec.models[0]!.name}-ingress`,
    );
    expect(modelIngress?.spec.policyTypes).toContain("Ingress");
    expect(modelIngress?.spec.ingress?.length).toBeGreaterThan(0);
  });

  it(
    "5. a second up is a no-op",
    () => {
      const run = pulumi("5 up again", ["up", "--yes", "--skip-preview", "--expect-no-changes"]);
      expectOk(run);
      expect(run.output).toMatch(/\d+ unchanged/);
      expect(run.output).not.toMatch(/\d+ (created|updated|deleted|replaced)/);
    },
    STEP_TIMEOUT,
  );

  it(
    "6. destroy removes every object; the namespaces stay Terminating with no namespace controller",
    async () => {
      const objects = stackObjects();
      const run = pulumi("6 destroy", ["destroy", "--yes", "--skip-preview"]);
      expectOk(run);
      expect(run.output).toMatch(/\d+ deleted/);
      expect(stackObjects()).toEqual([]);
      const left: string[] = [];
      for (const object of objects) {
        const read = await cluster.api("GET", object.path);
        if (object.kind === "Namespace") {
          // Deleting a Namespace only marks it Terminating; the namespace controller (in the
          // controller manager, absent here) would empty and finalise it. It is empty of the stack's
          // objects (checked above for every namespaced one); it is accepted as Terminating or gone.
          const phase = (read.body as { status?: { phase?: string } }).status?.phase;
          if (read.status !== 404 && !(read.status === 200 && phase === "Terminating"))
            left.push(`${object.name}: HTTP ${read.status} ${phase}`);
        } else if (read.status !== 404) {
          left.push(`${object.kind} ${object.name}: HTTP ${read.status}`);
        }
      }
      expect(left).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
