/**
 * A model server (vLLM, TGI, text-embeddings-inference or Triton) as a Deployment that can
 * serve on a real GPU cluster:
 * - image pinned by digest; weights read-only from the shared, digest-verified ModelCache
 *   volume (an init container checks the digest marker before the server starts);
 * - GPU limits, the GPU pool's nodeSelector and toleration; CPU and memory requests given by
 *   the caller from what fits the node (gpu-instance-types); /dev/shm a slice of that memory;
 * - a startupProbe that allows the load time of the weights' size, so liveness never kills a
 *   loading server; readiness and liveness after it;
 * - replicas spread across zones; a PodDisruptionBudget;
 * - a KEDA ScaledObject on the server's queue depth (Prometheus trigger) within the spec's
 *   replica bounds, with a scale-down stabilisation window, and a PodMonitor so Prometheus
 *   scrapes the server; scale-down drains: a preStop sleep keeps the server answering its
 *   in-flight requests after it leaves the Service's endpoints, within
 *   terminationGracePeriodSeconds;
 * - the restricted security context with a read-only root filesystem, a ClusterIP Service,
 *   and NetworkPolicies that admit only the gateway (serving port) and the monitoring
 *   namespace (metrics port).
 *
 * The cluster must run KEDA (keda.sh/v1alpha1) and the Prometheus Operator
 * (monitoring.coreos.com/v1) with a Prometheus at `autoscaling.prometheusAddress`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";
import {
  MODEL_DIR,
  SERVING_PORT,
  SERVING_UPSTREAM_PORT,
  TRITON_METRICS_UPSTREAM_PORT,
  servingCommand,
  servingTlsMode,
  type ServingModel,
} from "./serving-runtime.js";
import { SERVER_TLS_DIR, httpsAppProtocol, serverTls, withTransitTls, type InClusterTls } from "./transit-tls.js";
import {
  clusterIpService,
  gpuPlacement,
  imageRef,
  requirePinnedDigest,
  roleIngressPolicy,
  roleIngressRule,
  roleSelector,
  type PinnedImage,
  roleDisruptionBudget,
} from "./workload-basics.js";

/** How replicas scale on the server's queue depth. */
export interface QueueAutoscaling {
  /** Prometheus base URL KEDA queries. */
  readonly prometheusAddress: string;
  /** Namespace of the Prometheus that scrapes the server (admitted to the metrics port). */
  readonly monitoringNamespace: string;
  /** Waiting requests per replica above which a replica is added. */
  readonly queueTargetPerReplica: number;
  /** Seconds scale-down waits after the last high reading. */
  readonly scaleDownStabilizationSeconds: number;
}

export interface InferenceServiceArgs {
  /** Stack name (metadata.name): the `app.kubernetes.io/part-of` label of every object. */
  readonly stack: string;
  /** Namespace the objects are created in. */
  readonly namespace: pulumi.Input<string>;
  /** The model and how its server runs: runtime, GPUs per replica, token limits, concurrency and seed (servingCommand). */
  readonly model: ServingModel;
  /** The serving runtime's image (vLLM, TGI, TEI or Triton), pinned by digest. */
  readonly image: PinnedImage;
  /** Image of the model fetcher; its `verify` mode checks the cache's digest marker offline. */
  readonly fetcherImage: PinnedImage;
  /** The weights' sha256 digest and their size in GiB (sizes the startupProbe). */
  readonly weights: { readonly digest: string; readonly sizeGiB: number };
  /** The shared weights volume (ModelCache): claim name and the weights' path in it. */
  readonly cache: { readonly claimName: string; readonly modelPath: string };
  /** Service account the pods run as (its own identity; no API token is mounted). */
  readonly serviceAccountName: pulumi.Input<string>;
  /** GPU type the replicas must land on (`llmops.dev/gpu` node label). @default any GPU node of the pool */
  readonly gpuType?: string;
  /** Requests of one replica besides its GPUs, from what fits the node (replicaRequests). */
  readonly compute: { readonly cpuMilli: number; readonly memoryMiB: number };
  /** Replica bounds for the autoscaler (spec models[].replicas); the Deployment starts at `min`, KEDA keeps at least 1. */
  readonly replicas: { readonly min: number; readonly max: number };
  /** Queue-depth autoscaling settings (spec platform.autoscaling). */
  readonly autoscaling: QueueAutoscaling;
  /** Seconds a terminating replica has to finish in-flight requests. @default 120 */
  readonly terminationGracePeriodSeconds?: number;
  /** Pods allowed to call the server (NetworkPolicy). */
  readonly allowedCallerRoles: readonly string[];
  /** TLS on the serving port (vLLM natively, other runtimes behind the TLS sidecar), with a namespace-CA certificate; Prometheus scrapes over https. @default none (plain HTTP) */
  readonly tls?: InClusterTls;
}

/**
 * Checks InferenceServiceArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - ${path}.digest: images must be pinned by sha256 digest
 *  - weights.digest: weights must be pinned by sha256 digest
 *  - replicas: need 1 ≤ max and min ≤ max
 *  - compute: a replica needs at least 100m CPU and 512 MiB
 *  - terminationGracePeriodSeconds: at least 10 s, to drain in-flight requests
 */
export function validateInferenceServiceArgs(args: InferenceServiceArgs): void {
  for (const [path, image] of [
    ["image", args.image],
    ["fetcherImage", args.fetcherImage],
  ] as const) {
    requirePinnedDigest(image.digest, `${path}.digest`);
  }
  requirePinnedDigest(args.weights.digest, "weights.digest", "weights must be pinned by sha256 digest");
  if (args.replicas.min > args.replicas.max || args.replicas.max < 1)
    throw new pulumi.InputPropertyError({ propertyPath: "replicas", reason: "need 1 ≤ max and min ≤ max" });
  if (args.compute.cpuMilli < 100 || args.compute.memoryMiB < 512)
    throw new pulumi.InputPropertyError({
      propertyPath: "compute",
      reason: "a replica needs at least 100m CPU and 512 MiB",
    });
  const grace = args.terminationGracePeriodSeconds ?? 120;
  if (grace < 10)
    throw new pulumi.InputPropertyError({
      propertyPath: "terminationGracePeriodSeconds",
      reason: "at least 10 s, to drain in-flight requests",
    });
}

/**
 * Seconds a server may take to start: 180 s for CUDA initialisation, graph capture and
 * warm-up, plus 4 s per GiB of weights (0.25 GiB/s read from a network volume — a
 * conservative figure for NFS/EFS-class storage; not measured here, as no GPU runs here).
 */
export function startupSeconds(weightsGiB: number): number {
  return 180 + Math.ceil(4 * Math.max(0, weightsGiB));
}

/** /dev/shm for tensor-parallel workers: 1 GiB per GPU, at most a quarter of the replica's memory (it counts against the limit). */
export function sharedMemoryMiB(gpus: number, memoryMiB: number): number {
  return Math.max(256, Math.min(1024 * Math.max(1, gpus), Math.floor(memoryMiB / 4 / 256) * 256));
}

/** The PromQL KEDA evaluates: requests waiting across the model's replicas. */
export function queueQuery(metric: string, namespace: string, role: string): string {
  return `sum(${metric}{namespace="${namespace}",pod=~"${role}-.*"})`;
}

/**
 * One model server: Deployment (weights checked by an init container, GPU placement, startup, readiness and liveness probes, preStop drain), ClusterIP Service on SERVING_PORT, PodDisruptionBudget, PodMonitor, KEDA ScaledObject on queue depth, and the ingress NetworkPolicy (callers on the serving port, the monitoring namespace on the metrics port).
 * @throws pulumi.InputPropertyError from validateInferenceServiceArgs, before any resource is created
 */
export class InferenceService extends pulumi.ComponentResource {
  readonly serviceName: pulumi.Output<string>;
  readonly port = SERVING_PORT;

  constructor(name: string, args: InferenceServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:InferenceService", name, args, opts);
    validateInferenceServiceArgs(args);
    const parent = { parent: this };
    const role = `inference-${args.model.name}`;
    const labels = { ...workloadLabels(args.stack, role), "llmops.dev/tier": "inference" };
    const tlsMode = args.tls ? servingTlsMode(args.model.runtime) : undefined;
    const serving = servingCommand(
      args.model,
      args.tls ? { certFile: `${SERVER_TLS_DIR}/tls.crt`, keyFile: `${SERVER_TLS_DIR}/tls.key` } : undefined,
    );
    const tls = args.tls
      ? serverTls(name, this, {
          role,
          namespace: args.namespace,
          labels,
          tls: args.tls,
          ...(tlsMode === "sidecar"
            ? {
                routes: [
                  { listen: SERVING_PORT, upstream: SERVING_UPSTREAM_PORT, name: "http" },
                  ...(serving.metrics.port !== SERVING_PORT
                    ? [{ listen: serving.metrics.port, upstream: TRITON_METRICS_UPSTREAM_PORT, name: "metrics" }]
                    : []),
                ],
              }
            : {}),
        })
      : undefined;
    // With TLS the kubelet probes over HTTPS (it does not verify the certificate).
    // Behind the sidecar the server container has no port of its own, so its probes name the sidecar's port by number.
    const probeTarget = {
      port: tlsMode === "sidecar" ? SERVING_PORT : "http",
      ...(args.tls ? { scheme: "HTTPS" } : {}),
    };
    const gpuLimits: Record<string, string> = args.model.gpus > 0 ? { "nvidia.com/gpu": String(args.model.gpus) } : {};
    const memory = `${args.compute.memoryMiB}Mi`;
    const grace = args.terminationGracePeriodSeconds ?? 120;
    const probePeriod = 10;
    const metricsOnOwnPort = serving.metrics.port !== SERVING_PORT;
    const digestHex = args.weights.digest.replace(/^sha256:/, "");
    new k8s.apps.v1.Deployment(
      `${name}-deployment`,
      {
        metadata: { name: role, namespace: args.namespace, labels },
        spec: {
          replicas: args.replicas.min,
          selector: roleSelector(role),
          strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
          template: {
            metadata: { labels, annotations: { "llmops.dev/weights-digest": args.weights.digest } },
            spec: withTransitTls(
              {
                ...restrictedPodBasics(args.serviceAccountName),
                terminationGracePeriodSeconds: grace,
                ...(args.model.gpus > 0 ? gpuPlacement(args.gpuType) : {}),
                topologySpreadConstraints: [
                  {
                    maxSkew: 1,
                    topologyKey: "topology.kubernetes.io/zone",
                    whenUnsatisfiable: "DoNotSchedule",
                    labelSelector: roleSelector(role),
                  },
                ],
                initContainers: [
                  {
                    // The cache's Job fetched and verified the weights; this checks the digest marker
                    // it wrote, offline, so a server never starts on a volume of other weights.
                    name: "verify-weights",
                    image: imageRef(args.fetcherImage),
                    args: ["verify", "--sha256", digestHex, "--dest", args.cache.modelPath],
                    securityContext: restrictedContainerSecurityContext(),
                    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
                    volumeMounts: [{ name: "models", mountPath: MODEL_DIR, readOnly: true }],
                  },
                ],
                containers: [
                  {
                    name: "server",
                    image: imageRef(args.image),
                    ...(serving.command ? { command: serving.command } : {}),
                    args: serving.args,
                    env: Object.entries(serving.env).map(([key, value]) => ({ name: key, value })),
                    // Behind the sidecar the server has no pod port of its own: it listens on loopback.
                    ports:
                      tlsMode === "sidecar"
                        ? []
                        : [
                            { name: "http", containerPort: SERVING_PORT, protocol: "TCP" },
                            ...(metricsOnOwnPort
                              ? [{ name: "metrics", containerPort: serving.metrics.port, protocol: "TCP" }]
                              : []),
                          ],
                    startupProbe: {
                      httpGet: { path: serving.healthPath, ...probeTarget },
                      periodSeconds: probePeriod,
                      failureThreshold: Math.ceil(startupSeconds(args.weights.sizeGiB) / probePeriod),
                    },
                    readinessProbe: {
                      httpGet: { path: serving.healthPath, ...probeTarget },
                      periodSeconds: 10,
                      failureThreshold: 3,
                    },
                    livenessProbe: {
                      httpGet: { path: serving.healthPath, ...probeTarget },
                      periodSeconds: 20,
                      failureThreshold: 6,
                    },
                    // Leave the Service's endpoints first, keep answering in-flight requests, then SIGTERM.
                    lifecycle: { preStop: { sleep: { seconds: Math.max(5, grace - 10) } } },
                    resources: {
                      requests: { cpu: `${args.compute.cpuMilli}m`, memory, ...gpuLimits },
                      limits: { memory, ...gpuLimits },
                    },
                    securityContext: restrictedContainerSecurityContext(),
                    volumeMounts: [
                      { name: "models", mountPath: MODEL_DIR, readOnly: true },
                      { name: "cache", mountPath: "/cache" },
                      { name: "tmp", mountPath: "/tmp" },
                      { name: "shm", mountPath: "/dev/shm" },
                      ...(tlsMode === "native" ? [tls!.mount] : []),
                    ],
                  },
                ],
                volumes: [
                  { name: "models", persistentVolumeClaim: { claimName: args.cache.claimName, readOnly: true } },
                  // Compilation and tokenizer caches only; the weights are on the shared volume.
                  { name: "cache", emptyDir: { sizeLimit: "10Gi" } },
                  { name: "tmp", emptyDir: { sizeLimit: "2Gi" } },
                  {
                    name: "shm",
                    emptyDir: {
                      medium: "Memory",
                      sizeLimit: `${sharedMemoryMiB(args.model.gpus, args.compute.memoryMiB)}Mi`,
                    },
                  },
                ],
              },
              { server: tls },
            ),
          },
        },
      },
      parent,
    );
    const service = new k8s.core.v1.Service(
      `${name}-service`,
      clusterIpService(role, args.namespace, labels, [
        {
          name: args.tls ? "https" : "http",
          port: SERVING_PORT,
          targetPort: "http",
          protocol: "TCP",
          ...httpsAppProtocol(args.tls),
        },
      ]),
      parent,
    );
    new k8s.policy.v1.PodDisruptionBudget(`${name}-pdb`, roleDisruptionBudget(role, args.namespace, labels), parent);
    const metricsPort = metricsOnOwnPort ? "metrics" : "http";
    new k8s.apiextensions.CustomResource(
      `${name}-metrics`,
      {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PodMonitor",
        metadata: { name: role, namespace: args.namespace, labels },
        spec: {
          selector: roleSelector(role),
          podMetricsEndpoints: [
            {
              port: metricsPort,
              path: serving.metrics.path,
              interval: "15s",
              // Scraped over TLS, verified against the namespace CA (the CA Secret is read by the Prometheus Operator, in this namespace).
              ...(args.tls
                ? {
                    scheme: "https",
                    tlsConfig: {
                      ca: { secret: { name: args.tls.caSecret, key: "ca.crt" } },
                      serverName: pulumi.interpolate`${role}.${args.namespace}.svc`,
                    },
                  }
                : {}),
            },
          ],
        },
      },
      parent,
    );
    new k8s.apiextensions.CustomResource(
      `${name}-autoscaler`,
      {
        apiVersion: "keda.sh/v1alpha1",
        kind: "ScaledObject",
        metadata: { name: role, namespace: args.namespace, labels },
        spec: {
          scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: role },
          minReplicaCount: Math.max(1, args.replicas.min),
          maxReplicaCount: args.replicas.max,
          pollingInterval: 15,
          advanced: {
            horizontalPodAutoscalerConfig: {
              behavior: {
                scaleDown: {
                  stabilizationWindowSeconds: args.autoscaling.scaleDownStabilizationSeconds,
                  policies: [{ type: "Pods", value: 1, periodSeconds: 120 }],
                },
                scaleUp: { stabilizationWindowSeconds: 0, policies: [{ type: "Pods", value: 2, periodSeconds: 60 }] },
              },
            },
          },
          triggers: [
            {
              type: "prometheus",
              metadata: {
                serverAddress: args.autoscaling.prometheusAddress,
                query: pulumi
                  .output(args.namespace)
                  .apply((namespace) => queueQuery(serving.metrics.queueMetric, namespace, role)),
                threshold: String(args.autoscaling.queueTargetPerReplica),
              },
            },
          ],
        },
      },
      parent,
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-ingress`,
      roleIngressPolicy(role, args.namespace, [
        roleIngressRule(args.allowedCallerRoles, SERVING_PORT),
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: { "kubernetes.io/metadata.name": args.autoscaling.monitoringNamespace },
              },
            },
          ],
          ports: [{ protocol: "TCP", port: serving.metrics.port }],
        },
      ]),
      parent,
    );
    this.serviceName = service.metadata.name;
    this.registerOutputs({ serviceName: this.serviceName });
  }
}
