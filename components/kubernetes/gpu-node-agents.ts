/**
 * The agents every GPU node runs for the model servers, in their own namespace:
 *
 * - the NVIDIA DCGM exporter (GPU utilisation, memory, temperature, XID errors) as a
 *   DaemonSet on the GPU pool, scraped by Prometheus through a PodMonitor. It runs under the
 *   restricted Pod Security profile: non-root, no capabilities, no host path. It sees the
 *   node's GPUs through `NVIDIA_VISIBLE_DEVICES=all` (the NVIDIA container runtime on the
 *   node injects the devices) and does not map GPUs to pods (`DCGM_EXPORTER_KUBERNETES=false`),
 *   because that mapping needs the kubelet's pod-resources socket as a hostPath. Profiling
 *   (DCP) metrics, which need SYS_ADMIN, are not collected. Per-pod attribution comes from the
 *   model servers' own metrics instead.
 * - optionally (target kubernetes, `platform.gpu.install: devicePlugin`) the NVIDIA Kubernetes
 *   device plugin, in a second namespace with the `privileged` Pod Security level: the plugin
 *   must register a socket under the host's /var/lib/kubelet/device-plugins (a hostPath, as
 *   NVIDIA's static manifest does). It runs with the least the vendor documents: no privilege
 *   escalation, every capability dropped, that one hostPath, read-only root filesystem. The
 *   hostPath and root user are findings (LLM-K8S-008 and the run-as-non-root check) that an
 *   organisation accepts with a waiver naming the reason; the stack does not hide them.
 *   On EKS no plugin is installed: the Bottlerocket NVIDIA AMI ships it (gpu-inference-cluster).
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { NamespaceGuardrails } from "./namespace-guardrails.js";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";
import { imageRef, requirePinnedDigest, roleSelector, type PinnedImage } from "./workload-basics.js";
import { DCGM_EXPORTER_RESOURCES } from "../aws/gpu-instance-types.js";

/** DCGM exporter's metrics port (its default, `DCGM_EXPORTER_LISTEN=:9400`). */
export const DCGM_EXPORTER_PORT = 9400;
export const GPU_TOLERATION = { key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" } as const;

export interface GpuNodeAgentsArgs {
  /** Stack name (metadata.name): the `app.kubernetes.io/part-of` label of every object. */
  readonly stack: string;
  /** Namespace for the agents (created here, restricted). */
  readonly namespace: string;
  /** NVIDIA DCGM exporter image (GPU metrics on each GPU node), pinned by digest. */
  readonly dcgmExporterImage: PinnedImage;
  /** Install the NVIDIA device plugin with this image. @default not installed */
  readonly devicePluginImage?: PinnedImage;
  /** Namespace of the Prometheus that scrapes the exporter. */
  readonly monitoringNamespace: string;
  /** Node selector of the GPU pool. @default { "llmops.dev/pool": "gpu" } */
  readonly nodeSelector?: Record<string, string>;
}

/**
 * Checks GpuNodeAgentsArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - ${path}.digest: images must be pinned by sha256 digest
 */
export function validateGpuNodeAgentsArgs(args: GpuNodeAgentsArgs): void {
  for (const [path, image] of [
    ["dcgmExporterImage", args.dcgmExporterImage],
    ["devicePluginImage", args.devicePluginImage],
  ] as const) {
    if (image) requirePinnedDigest(image.digest, `${path}.digest`);
  }
}

/** GPU metrics on every GPU node, and the device plugin where the cluster lacks one. */
export class GpuNodeAgents extends pulumi.ComponentResource {
  readonly namespace: pulumi.Output<string>;

  constructor(name: string, args: GpuNodeAgentsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:GpuNodeAgents", name, args, opts);
    validateGpuNodeAgentsArgs(args);
    const guardrails = new NamespaceGuardrails(
      `${name}-namespace`,
      {
        namespace: args.namespace,
        gpuQuota: 0,
        compute: { cpu: "32", memory: "64Gi" },
        labels: { "app.kubernetes.io/part-of": args.stack },
      },
      { parent: this },
    );
    this.namespace = guardrails.name;
    const inNamespace = { parent: this, dependsOn: [guardrails] };
    const nodeSelector = args.nodeSelector ?? { "llmops.dev/pool": "gpu" };
    const role = "dcgm-exporter";
    const labels = workloadLabels(args.stack, role);
    const account = new k8s.core.v1.ServiceAccount(
      `${name}-dcgm-sa`,
      {
        metadata: { name: role, namespace: this.namespace, labels },
        automountServiceAccountToken: false,
      },
      inNamespace,
    );
    new k8s.apps.v1.DaemonSet(
      `${name}-dcgm-exporter`,
      {
        metadata: { name: role, namespace: this.namespace, labels },
        spec: {
          selector: roleSelector(role),
          updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
          template: {
            metadata: { labels },
            spec: {
              ...restrictedPodBasics(account.metadata.name),
              priorityClassName: "system-node-critical",
              nodeSelector,
              tolerations: [GPU_TOLERATION],
              containers: [
                {
                  name: "exporter",
                  image: imageRef(args.dcgmExporterImage),
                  env: [
                    { name: "DCGM_EXPORTER_LISTEN", value: `:${DCGM_EXPORTER_PORT}` },
                    { name: "DCGM_EXPORTER_KUBERNETES", value: "false" },
                    { name: "NVIDIA_VISIBLE_DEVICES", value: "all" },
                  ],
                  ports: [{ name: "metrics", containerPort: DCGM_EXPORTER_PORT, protocol: "TCP" }],
                  readinessProbe: { httpGet: { path: "/health", port: "metrics" }, periodSeconds: 15 },
                  livenessProbe: {
                    httpGet: { path: "/health", port: "metrics" },
                    initialDelaySeconds: 30,
                    periodSeconds: 30,
                  },
                  resources: {
                    requests: {
                      cpu: `${DCGM_EXPORTER_RESOURCES.cpuMilli}m`,
                      memory: `${DCGM_EXPORTER_RESOURCES.memoryMiB}Mi`,
                    },
                    limits: { memory: `${DCGM_EXPORTER_RESOURCES.memoryMiB}Mi` },
                  },
                  securityContext: restrictedContainerSecurityContext(),
                  volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                },
              ],
              volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
            },
          },
        },
      },
      inNamespace,
    );
    new k8s.apiextensions.CustomResource(
      `${name}-dcgm-metrics`,
      {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PodMonitor",
        metadata: { name: role, namespace: this.namespace, labels },
        spec: {
          selector: roleSelector(role),
          podMetricsEndpoints: [{ port: "metrics", path: "/metrics", interval: "30s" }],
        },
      },
      inNamespace,
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-dcgm-scrape`,
      {
        metadata: { name: `${role}-scrape`, namespace: this.namespace },
        spec: {
          podSelector: roleSelector(role),
          policyTypes: ["Ingress"],
          ingress: [
            {
              from: [
                { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": args.monitoringNamespace } } },
              ],
              ports: [{ protocol: "TCP", port: DCGM_EXPORTER_PORT }],
            },
          ],
        },
      },
      inNamespace,
    );
    if (args.devicePluginImage) this.devicePlugin(name, args, args.devicePluginImage, nodeSelector);
    this.registerOutputs({ namespace: this.namespace });
  }

  private devicePlugin(
    name: string,
    args: GpuNodeAgentsArgs,
    image: PinnedImage,
    nodeSelector: Record<string, string>,
  ): void {
    const role = "nvidia-device-plugin";
    const labels = workloadLabels(args.stack, role);
    const namespace = new k8s.core.v1.Namespace(
      `${name}-device-plugin-ns`,
      {
        metadata: {
          name: `${args.namespace}-device-plugin`.slice(0, 63),
          labels: { "pod-security.kubernetes.io/enforce": "privileged", "app.kubernetes.io/part-of": args.stack },
        },
      },
      { parent: this },
    );
    const inNamespace = { parent: this, dependsOn: [namespace] };
    new k8s.networking.v1.NetworkPolicy(
      `${name}-device-plugin-deny`,
      {
        metadata: { name: "default-deny-all", namespace: namespace.metadata.name },
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      },
      inNamespace,
    );
    new k8s.apps.v1.DaemonSet(
      `${name}-device-plugin`,
      {
        metadata: { name: role, namespace: namespace.metadata.name, labels },
        spec: {
          selector: roleSelector(role),
          updateStrategy: { type: "RollingUpdate" },
          template: {
            metadata: { labels },
            spec: {
              automountServiceAccountToken: false,
              priorityClassName: "system-node-critical",
              nodeSelector,
              tolerations: [GPU_TOLERATION],
              securityContext: { seccompProfile: { type: "RuntimeDefault" } },
              containers: [
                {
                  name: "device-plugin",
                  image: imageRef(image),
                  env: [{ name: "FAIL_ON_INIT_ERROR", value: "true" }],
                  resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } },
                  securityContext: {
                    allowPrivilegeEscalation: false,
                    privileged: false,
                    readOnlyRootFilesystem: true,
                    capabilities: { drop: ["ALL"] },
                  },
                  volumeMounts: [{ name: "device-plugin", mountPath: "/var/lib/kubelet/device-plugins" }],
                },
              ],
              volumes: [
                { name: "device-plugin", hostPath: { path: "/var/lib/kubelet/device-plugins", type: "Directory" } },
              ],
            },
          },
        },
      },
      inNamespace,
    );
  }
}
