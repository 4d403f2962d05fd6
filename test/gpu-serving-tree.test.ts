/**
 * Issue 19, "the resource tree in `llmops plan` shows the new components": every self-hosted
 * example is planned through the real CLI on target aws and on target kubernetes, and the tree it
 * prints (text output) is read for the GPU serving path, with the plan JSON written beside it for
 * what a tree cannot show (the startupProbe, the AMI alias, the charts, the trigger's query):
 *
 * - a device-plugin path: on EKS the Bottlerocket NVIDIA AMI of Karpenter's EC2NodeClass; on any
 *   cluster the NVIDIA device plugin DaemonSet when the spec asks for it (platform.gpu.install);
 * - the GPU metrics exporter (DCGM DaemonSet and its PodMonitor);
 * - node autoscaling on EKS: the Karpenter controller chart, its EC2NodeClass and NodePool, its
 *   IAM and the interruption queue;
 * - the serving-signal autoscaler (KEDA ScaledObject on the server's queue metric) and its
 *   metrics path (the server's PodMonitor; on EKS the Prometheus and KEDA charts);
 * - the model cache (EFS on EKS; a ReadOnlyMany PVC and its digest-checking fill Job);
 * - a startupProbe that covers the weights' load time, and requests sized for the node.
 *
 * Airport's vector store (Aurora) is not built on target kubernetes (LLM-PLAT-003 refuses that
 * plan), so its kubernetes plan swaps in the in-cluster pgvector: the GPU serving path is what is
 * judged here.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";
import { examplesFor, type Plan, type Resource } from "./helpers/plans.js";
import { servingCommand, type ServingRuntime } from "../components/kubernetes/serving-runtime.js";
import { startupSeconds } from "../components/kubernetes/inference-service.js";
import { modelSizing } from "../stacks/model-sizing.js";
import { KARPENTER_CHART_VERSION } from "../components/aws/karpenter.js";
import { KEDA_CHART, PROMETHEUS_CHARTS } from "../components/aws/serving-metrics.js";

const DIGEST = `sha256:${"d".repeat(64)}`;
const selfHosted = (spec: any) => (spec.spec.models as any[]).filter((model) => model.serving.runtime !== "external");
const SELF_HOSTED = examplesFor("any").filter(
  (file) => selfHosted(parse(readFileSync(join(ROOT, "examples", file), "utf8"))).length > 0,
);

interface Planned {
  readonly tree: string;
  readonly plan: Plan;
  readonly spec: any;
}

/** Plans a spec document through the CLI: the printed tree (pretty output) and the plan JSON written by --out. */
function planTree(
  spec: unknown,
  target: "aws" | "kubernetes",
  label: string,
  expectedFindings: readonly string[] = [],
): Planned {
  const dir = mkdtempSync(join(tmpdir(), "llmops-gpu-tree-"));
  const file = join(dir, `${label}.yaml`);
  writeFileSync(file, stringify(spec));
  const out = join(dir, "plan.json");
  const result = runCli(["plan", file, "--target", target, "--without-evidence", "--out", out], { timeoutMs: 180_000 });
  const findings = [...result.stdout.matchAll(/ (?:critical|high|medium|low) (LLM-[A-Z0-9]+-\d{3}) /g)].map(
    (match) => match[1],
  );
  expect([...new Set(findings)].sort(), `${label} on ${target}`).toEqual([...expectedFindings].sort());
  expect(result.status, `${label} on ${target}: ${result.stderr}`).toBe(expectedFindings.length > 0 ? 1 : 0);
  return { tree: result.stdout, plan: JSON.parse(readFileSync(out, "utf8")) as Plan, spec };
}

/** The lines under each component of `type` in the tree (its subtree, one string per instance). */
function blocks(tree: string, type: string): string[] {
  const lines = tree.split("\n");
  const column = (line: string) => Math.max(line.indexOf("├─ "), line.indexOf("└─ "));
  const found: string[] = [];
  lines.forEach((line, index) => {
    if (!line.includes(` (${type}) — `)) return;
    const own = column(line);
    const body: string[] = [];
    for (const next of lines.slice(index + 1)) {
      if (column(next) <= own) break;
      body.push(next);
    }
    found.push(body.join("\n"));
  });
  return found;
}

const ofType = (plan: Plan, type: string): Resource[] => plan.resources.filter((resource) => resource.type === type);
const byName = (plan: Plan, type: string, name: string) =>
  ofType(plan, type).find((resource) => resource.props.metadata?.name === name);
const releases = (plan: Plan) => ofType(plan, "kubernetes:helm.sh/v3:Release");
const chartOf = (release: Resource) => String(release.props.chart).split("/").pop();

/** The example as it plans on target kubernetes: airport's managed vector store becomes the in-cluster pgvector. */
function forKubernetes(spec: any): any {
  const copy = structuredClone(spec);
  if (copy.spec.vectorStore && !["qdrant", "pgvector"].includes(copy.spec.vectorStore.engine)) {
    copy.spec.vectorStore.engine = "pgvector";
    copy.spec.platform.images.vectorDatabase ??= {
      repository: "registry.internal.example.com/platform/pgvector",
      digest: DIGEST,
    };
  }
  return copy;
}

/** Every self-hosted model's server: the GPU serving path that is the same on both targets. */
function expectServingPath(planned: Planned): void {
  const { tree, plan, spec } = planned;
  const models = selfHosted(spec);
  const autoscaling = {
    prometheusAddress: "http://prometheus-operated.monitoring.svc:9090",
    ...spec.spec.platform?.autoscaling,
  };

  // The GPU metrics exporter: a DaemonSet on GPU nodes and its PodMonitor.
  const agents = blocks(tree, "llmops:kubernetes:GpuNodeAgents");
  expect(agents).toHaveLength(1);
  expect(agents[0]).toMatch(/× kubernetes:apps\/v1:DaemonSet/);
  expect(agents[0]).toMatch(/1 × kubernetes:monitoring\.coreos\.com\/v1:PodMonitor/);
  const dcgm = byName(plan, "kubernetes:apps/v1:DaemonSet", "dcgm-exporter")!;
  expect(dcgm.props.spec.template.spec.tolerations).toContainEqual(expect.objectContaining({ key: "nvidia.com/gpu" }));

  // One server per self-hosted model, each with its autoscaler and metrics path; one cache each.
  const servers = blocks(tree, "llmops:kubernetes:InferenceService");
  expect(servers).toHaveLength(models.length);
  for (const server of servers) {
    for (const type of [
      "apps/v1:Deployment",
      "keda.sh/v1alpha1:ScaledObject",
      "monitoring.coreos.com/v1:PodMonitor",
      "policy/v1:PodDisruptionBudget",
    ]) {
      expect(server).toContain(`1 × kubernetes:${type}`);
    }
  }
  const caches = blocks(tree, "llmops:kubernetes:ModelCache");
  expect(caches).toHaveLength(models.length);
  for (const cache of caches) {
    expect(cache).toContain("1 × kubernetes:batch/v1:Job");
    expect(cache).toContain("1 × kubernetes:core/v1:PersistentVolumeClaim");
  }
  expect(tree).not.toContain("autoscaling/v2:HorizontalPodAutoscaler");

  for (const model of models) {
    const role = `inference-${model.name}`;
    const deployment = byName(plan, "kubernetes:apps/v1:Deployment", role)!;
    const pod = deployment.props.spec.template.spec;
    const server = pod.containers.find((container: any) => container.name === "server");
    const sizing = modelSizing(model);
    // startupProbe: the load time of the weights' size, before liveness counts.
    expect(server.startupProbe.httpGet.path).toBe(
      servingCommand({
        name: model.name,
        runtime: model.serving.runtime as ServingRuntime,
        gpus: model.gpu.count,
        maxInputTokens: 1,
        maxOutputTokens: 1,
        maxConcurrentRequests: 8,
      }).healthPath,
    );
    expect(server.startupProbe.periodSeconds * server.startupProbe.failureThreshold).toBeGreaterThanOrEqual(
      startupSeconds(sizing.weightsGiB),
    );
    // Requests are what fits the node size chosen for the GPU type (gpu-instance-types).
    expect(server.resources.requests).toMatchObject({
      cpu: `${sizing.requests.cpuMilli}m`,
      memory: `${sizing.requests.memoryMiB}Mi`,
    });
    if (model.gpu.count > 0) expect(server.resources.limits["nvidia.com/gpu"]).toBe(String(model.gpu.count));
    // Weights from the shared cache, read-only; the pod's emptyDirs are small and fixed.
    const claim = pod.volumes.find((volume: any) => volume.name === "models").persistentVolumeClaim;
    expect(claim.readOnly).toBe(true);
    const pvc = ofType(plan, "kubernetes:core/v1:PersistentVolumeClaim").find(
      (resource) => resource.props.metadata.name === claim.claimName,
    )!;
    expect(pvc.props.spec.accessModes).toContain("ReadOnlyMany");
    const fill = ofType(plan, "kubernetes:batch/v1:Job").find((job) =>
      job.props.spec.template.spec.volumes.some(
        (volume: any) => volume.persistentVolumeClaim?.claimName === claim.claimName,
      ),
    )!;
    expect(fill.props.spec.template.spec.containers[0].args).toEqual(
      expect.arrayContaining(["--sha256", model.source.digest.replace(/^sha256:/, "")]),
    );
    for (const volume of pod.volumes.filter((v: any) => v.emptyDir && v.emptyDir.medium !== "Memory")) {
      expect(Number.parseInt(volume.emptyDir.sizeLimit, 10)).toBeLessThanOrEqual(10);
    }
    // The autoscaler scales on the runtime's queue depth read from Prometheus, within the spec's bounds.
    const scaler = byName(plan, "kubernetes:keda.sh/v1alpha1:ScaledObject", role)!;
    const metric = servingCommand({
      name: model.name,
      runtime: model.serving.runtime,
      gpus: model.gpu.count,
      maxInputTokens: 1,
      maxOutputTokens: 1,
      maxConcurrentRequests: 8,
    }).metrics.queueMetric;
    expect(scaler.props.spec.scaleTargetRef).toMatchObject({ kind: "Deployment", name: role });
    expect(scaler.props.spec.triggers).toEqual([
      expect.objectContaining({
        type: "prometheus",
        metadata: expect.objectContaining({
          serverAddress: autoscaling.prometheusAddress,
          query: expect.stringContaining(metric),
        }),
      }),
    ]);
    expect(scaler.props.spec.maxReplicaCount).toBe(model.replicas?.max ?? 2);
    expect(byName(plan, "kubernetes:monitoring.coreos.com/v1:PodMonitor", role)).toBeDefined();
    // Scale-down respects in-flight requests: the spec's stabilisation window, its grace period, a preStop drain inside it.
    expect(scaler.props.spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds).toBe(
      spec.spec.platform?.autoscaling?.scaleDownStabilizationSeconds ?? 300,
    );
    const grace = model.serving.terminationGracePeriodSeconds ?? 120;
    expect(pod.terminationGracePeriodSeconds).toBe(grace);
    expect(server.lifecycle.preStop.sleep.seconds).toBeGreaterThan(0);
    expect(server.lifecycle.preStop.sleep.seconds).toBeLessThan(grace);
    // Replicas spread across zones.
    expect(pod.topologySpreadConstraints).toContainEqual(
      expect.objectContaining({ topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule" }),
    );
  }
}

describe.skipIf(!bundleBuilt())("the plan tree shows the GPU serving path of every self-hosted example", () => {
  const specs = new Map<string, any>();
  beforeAll(() => {
    for (const file of SELF_HOSTED) specs.set(file, parse(readFileSync(join(ROOT, "examples", file), "utf8")));
  });

  it("there are self-hosted examples on both targets to plan", () => {
    expect(SELF_HOSTED.length).toBeGreaterThanOrEqual(4);
  });

  it.each(SELF_HOSTED)(
    "%s on target aws",
    (file) => {
      const planned = planTree(specs.get(file), "aws", file.replace(/\.yaml$/, ""));
      const { tree, plan } = planned;
      expect(tree).toMatch(/\(target aws, policy bundle /);
      expect(tree).not.toContain("The cluster must provide");
      expectServingPath(planned);

      // Node autoscaling: Karpenter's IAM and interruption queue, its controller, EC2NodeClass and NodePool.
      const iam = blocks(tree, "llmops:aws:KarpenterIam");
      expect(iam).toHaveLength(1);
      expect(iam[0]).toContain("1 × aws:sqs/queue:Queue");
      expect(iam[0]).toMatch(/× aws:cloudwatch\/eventRule:EventRule/);
      const pools = blocks(tree, "llmops:aws:KarpenterNodePools");
      expect(pools).toHaveLength(1);
      expect(pools[0]).toContain("2 × kubernetes:helm.sh/v3:Release");
      expect(pools[0]).toContain("1 × kubernetes:karpenter.k8s.aws/v1:EC2NodeClass");
      expect(pools[0]).toMatch(/× kubernetes:karpenter\.sh\/v1:NodePool/);
      const controller = releases(plan).find((release) => chartOf(release) === "karpenter")!;
      expect(controller.props.version).toBe(KARPENTER_CHART_VERSION);
      expect(controller.props.values.settings.interruptionQueue).toBeTruthy();
      expect(controller.props.values.nodeSelector).toMatchObject({ "llmops.dev/pool": "system" });
      // The device-plugin path on EKS: Bottlerocket, whose NVIDIA variant ships the driver and plugin.
      for (const nodeClass of ofType(plan, "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass")) {
        expect(nodeClass.props.spec.amiSelectorTerms).toEqual([{ alias: expect.stringMatching(/^bottlerocket@/) }]);
      }
      for (const pool of ofType(plan, "kubernetes:karpenter.sh/v1:NodePool")) {
        expect(pool.props.spec.template.spec.taints).toContainEqual(
          expect.objectContaining({ key: "nvidia.com/gpu", effect: "NoSchedule" }),
        );
      }

      // The metrics path: Prometheus (operator, CRDs) and KEDA, installed in the namespace the trigger queries.
      const metrics = blocks(tree, "llmops:aws:ServingMetrics");
      expect(metrics).toHaveLength(1);
      expect(metrics[0]).toContain("3 × kubernetes:helm.sh/v3:Release");
      const charts = new Map(releases(plan).map((release) => [chartOf(release), release]));
      expect(charts.get(PROMETHEUS_CHARTS.crds.chart)?.props.version).toBe(PROMETHEUS_CHARTS.crds.version);
      expect(charts.get(KEDA_CHART.chart)?.props.version).toBe(KEDA_CHART.version);
      const prometheus = charts.get(PROMETHEUS_CHARTS.stack.chart)!;
      const monitoring = planned.spec.spec.platform.autoscaling?.monitoringNamespace ?? "monitoring";
      expect(prometheus.props.namespace).toBe(monitoring);
      expect(prometheus.props.values.prometheus.prometheusSpec.podMonitorSelectorNilUsesHelmValues).toBe(false);
      for (const scaler of ofType(plan, "kubernetes:keda.sh/v1alpha1:ScaledObject")) {
        expect(scaler.props.spec.triggers[0].metadata.serverAddress).toContain(`.${monitoring}.svc`);
      }

      // The model cache on EKS: an encrypted EFS file system, its CSI driver, and the StorageClass the claims use.
      const storage = blocks(tree, "llmops:aws:ModelCacheStorage");
      expect(storage).toHaveLength(1);
      expect(storage[0]).toContain("1 × aws:efs/fileSystem:FileSystem");
      expect(storage[0]).toContain("1 × aws:eks/addon:Addon");
      expect(tree).toContain("kubernetes:storage.k8s.io/v1:StorageClass");
    },
    240_000,
  );

  it.each(SELF_HOSTED)(
    "%s on target kubernetes",
    (file) => {
      const planned = planTree(forKubernetes(specs.get(file)), "kubernetes", file.replace(/\.yaml$/, ""));
      const { tree } = planned;
      expect(tree).toMatch(/\(target kubernetes, policy bundle /);
      expectServingPath(planned);
      // The cluster brings its nodes, Prometheus and KEDA: nothing of EKS is planned.
      expect(tree).not.toContain("llmops:aws:");
      expect(tree).not.toContain("karpenter");
      // platform.gpu.install none: the cluster advertises nvidia.com/gpu itself; only the exporter runs.
      expect(blocks(tree, "llmops:kubernetes:GpuNodeAgents")[0]).toContain("1 × kubernetes:apps/v1:DaemonSet");
      // ... and the plan says what the cluster must provide for what it planned.
      const needs = tree.slice(tree.indexOf("The cluster must provide"));
      expect(needs).toMatch(/^The cluster must provide/);
      expect(needs).toMatch(
        /GPU nodes labelled llmops\.dev\/gpu=[A-Z0-9]+.*llmops\.dev\/pool=gpu .*advertising nvidia\.com\/gpu: a device plugin or the GPU Operator/,
      );
      expect(needs).toContain("KEDA (keda.sh/v1alpha1)");
      expect(needs).toMatch(/the Prometheus Operator \(monitoring\.coreos\.com\/v1\) .* queries at http/);
      expect(needs).toMatch(/ReadOnlyMany volumes for \d+ model weights cache/);
    },
    240_000,
  );

  it("on target kubernetes, platform.gpu.install devicePlugin adds the NVIDIA device plugin beside the exporter", () => {
    const spec = forKubernetes(specs.get(SELF_HOSTED[0]!));
    spec.spec.platform.gpu = { ...spec.spec.platform.gpu, install: "devicePlugin" };
    spec.spec.platform.images.devicePlugin = {
      repository: "registry.internal.example.com/platform/k8s-device-plugin",
      digest: DIGEST,
    };
    // What the plugin needs is reported, never hidden (components/kubernetes/gpu-node-agents.ts): root, the
    // kubelet's device-plugins host path, a privileged namespace. An organisation accepts them by a waiver.
    const { tree, plan } = planTree(spec, "kubernetes", "device-plugin", ["LLM-K8S-001", "LLM-K8S-008", "LLM-K8S-015"]);
    const agents = blocks(tree, "llmops:kubernetes:GpuNodeAgents");
    expect(agents[0]).toContain("2 × kubernetes:apps/v1:DaemonSet");
    expect(tree).toContain("advertising nvidia.com/gpu (the plan installs the NVIDIA device plugin on them)");
    const plugin = byName(plan, "kubernetes:apps/v1:DaemonSet", "nvidia-device-plugin")!;
    expect(plugin.props.spec.template.spec.volumes).toContainEqual({
      name: "device-plugin",
      hostPath: { path: "/var/lib/kubelet/device-plugins", type: "Directory" },
    });
    expect(plugin.props.spec.template.spec.tolerations).toContainEqual(
      expect.objectContaining({ key: "nvidia.com/gpu" }),
    );
  }, 240_000);
});
