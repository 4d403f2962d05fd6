/**
 * What an existing cluster must already run for a target-kubernetes plan to serve: read from the
 * planned resources themselves (their API groups, GPU claims, volume access modes), so the list
 * says what these objects need, never a generic checklist. On target aws the stack builds the
 * cluster and installs all of it (Karpenter, Bottlerocket NVIDIA nodes, ServingMetrics), so
 * nothing is listed there.
 */
import type { PlanDocument, PlannedResource } from "../stacks/offline-plan.js";

interface PodSpec {
  readonly containers?: ReadonlyArray<{ readonly resources?: { readonly limits?: Record<string, unknown> } }>;
  readonly nodeSelector?: Record<string, unknown>;
  readonly volumes?: ReadonlyArray<{ readonly hostPath?: { readonly path?: string } }>;
}
interface WorkloadProps {
  readonly spec?: { readonly template?: { readonly spec?: PodSpec } };
}
interface ScaledObjectProps {
  readonly spec?: {
    readonly triggers?: ReadonlyArray<{
      readonly type?: string;
      readonly metadata?: { readonly serverAddress?: unknown };
    }>;
  };
}
interface ClaimProps {
  readonly spec?: { readonly accessModes?: readonly string[]; readonly storageClassName?: string };
}

const ofType = (plan: PlanDocument, type: string) => plan.resources.filter((resource) => resource.type === type);
const propsOf = <T>(resource: PlannedResource): T => resource.props as T;

/** Pod specs of the planned workloads (Deployment, StatefulSet, DaemonSet, Job). */
function podSpecs(plan: PlanDocument): PodSpec[] {
  return plan.resources
    .filter((resource) =>
      /^kubernetes:(apps\/v1:(Deployment|StatefulSet|DaemonSet)|batch\/v1:Job)$/.test(resource.type),
    )
    .map((resource) => propsOf<WorkloadProps>(resource).spec?.template?.spec)
    .filter((spec): spec is PodSpec => spec !== undefined);
}

/**
 * One line per thing the cluster must provide for the planned objects of a target-kubernetes
 * plan: GPU nodes advertising `nvidia.com/gpu` (a device plugin, unless the plan installs one)
 * with the labels the servers select, KEDA for ScaledObjects, the Prometheus
 * Operator and the Prometheus the triggers query, cert-manager for Certificates, and a
 * StorageClass supporting ReadOnlyMany for the weights caches. Empty for other targets.
 */
export function clusterRequirements(plan: PlanDocument): string[] {
  if (plan.target !== "kubernetes") return [];
  const lines: string[] = [];
  const pods = podSpecs(plan);
  const gpuPods = pods.filter((pod) =>
    (pod.containers ?? []).some((container) => Number(container.resources?.limits?.["nvidia.com/gpu"] ?? 0) > 0),
  );
  if (gpuPods.length > 0) {
    const selectors = new Set<string>();
    for (const pod of gpuPods)
      for (const [key, value] of Object.entries(pod.nodeSelector ?? {})) selectors.add(`${key}=${String(value)}`);
    const pluginInstalled = ofType(plan, "kubernetes:apps/v1:DaemonSet").some((daemonSet) =>
      (propsOf<WorkloadProps>(daemonSet).spec?.template?.spec?.volumes ?? []).some(
        (volume) => volume.hostPath?.path === "/var/lib/kubelet/device-plugins",
      ),
    );
    const advertised = pluginInstalled
      ? "nvidia.com/gpu (the plan installs the NVIDIA device plugin on them)"
      : "nvidia.com/gpu: a device plugin or the GPU Operator (platform.gpu.install: devicePlugin installs the plugin)";
    lines.push(
      `GPU nodes labelled ${[...selectors].sort().join(", ")} (the servers tolerate the nvidia.com/gpu taint), advertising ${advertised}`,
    );
  }
  const scaledObjects = ofType(plan, "kubernetes:keda.sh/v1alpha1:ScaledObject");
  if (scaledObjects.length > 0)
    lines.push(`KEDA (keda.sh/v1alpha1) to scale ${scaledObjects.length} model server(s) on queue depth`);
  const monitors = ofType(plan, "kubernetes:monitoring.coreos.com/v1:PodMonitor");
  if (monitors.length > 0) {
    const addresses = new Set(
      scaledObjects.flatMap((scaler) =>
        (propsOf<ScaledObjectProps>(scaler).spec?.triggers ?? [])
          .filter((trigger) => trigger.type === "prometheus")
          .map((trigger) => String(trigger.metadata?.serverAddress)),
      ),
    );
    lines.push(
      `the Prometheus Operator (monitoring.coreos.com/v1) for ${monitors.length} PodMonitor(s)${addresses.size > 0 ? `, with the Prometheus the autoscaler queries at ${[...addresses].sort().join(", ")}` : ""}`,
    );
  }
  if (ofType(plan, "kubernetes:cert-manager.io/v1:Certificate").length > 0)
    lines.push("cert-manager (cert-manager.io/v1) and the ClusterIssuer the Certificates name");
  const readOnlyMany = ofType(plan, "kubernetes:core/v1:PersistentVolumeClaim").filter((claim) =>
    (propsOf<ClaimProps>(claim).spec?.accessModes ?? []).includes("ReadOnlyMany"),
  );
  if (readOnlyMany.length > 0) {
    const classes = new Set(
      readOnlyMany.map((claim) => propsOf<ClaimProps>(claim).spec?.storageClassName ?? "the default StorageClass"),
    );
    lines.push(
      `ReadOnlyMany volumes for ${readOnlyMany.length} model weights cache(s) from ${[...classes].sort().join(", ")}`,
    );
  }
  return lines;
}
