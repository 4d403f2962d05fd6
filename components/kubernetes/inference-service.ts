/**
 * A model server (vLLM, TGI or Triton) as a Deployment: image pinned by digest, weights
 * fetched by digest by an init container using workload identity, GPU limits with the GPU
 * pool's nodeSelector and tolerations, probes, requests and limits, the restricted security
 * context with a read-only root filesystem, a PodDisruptionBudget, an HPA within the spec's
 * replica bounds, a ClusterIP Service, and a NetworkPolicy that admits only the gateway.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";
import { MODEL_DIR, SERVING_PORT, servingCommand, type ServingModel } from "./serving-runtime.js";

export interface PinnedImage {
  readonly repository: string;
  readonly digest: string;
}

export interface InferenceServiceArgs {
  readonly stack: string;
  readonly namespace: pulumi.Input<string>;
  readonly model: ServingModel;
  readonly image: PinnedImage;
  /** Init container image that downloads and verifies the weights. */
  readonly fetcherImage: PinnedImage;
  /** Where the weights are (s3://… or registry URI) and their sha256 digest. */
  readonly weights: { readonly uri: pulumi.Input<string>; readonly digest: string };
  readonly serviceAccountName: pulumi.Input<string>;
  /** Secret with artifact-store credentials, when there is no workload identity (IRSA). @default none */
  readonly credentialsSecret?: string;
  readonly gpuType?: string;
  readonly replicas: { readonly min: number; readonly max: number };
  /** Pods allowed to call the server (NetworkPolicy). */
  readonly allowedCallerRoles: readonly string[];
  /**
   * CIDRs the weight fetcher may reach on 443. On AWS the VPC (no internet route, only VPC
   * endpoints) is the boundary, so this is 0.0.0.0/0 there. @default [] (no egress)
   */
  readonly fetchEgressCidrs?: pulumi.Input<string[]>;
}

export function imageRef(image: PinnedImage): string {
  return `${image.repository}@${image.digest}`;
}

export function validateInferenceServiceArgs(args: InferenceServiceArgs): void {
  for (const [path, image] of [["image", args.image], ["fetcherImage", args.fetcherImage]] as const) {
    if (!/^sha256:[a-f0-9]{64}$/.test(image.digest)) throw new pulumi.InputPropertyError({ propertyPath: `${path}.digest`, reason: "images must be pinned by sha256 digest" });
  }
  if (!/^sha256:[a-f0-9]{64}$/.test(args.weights.digest)) throw new pulumi.InputPropertyError({ propertyPath: "weights.digest", reason: "weights must be pinned by sha256 digest" });
  if (args.replicas.min > args.replicas.max || args.replicas.max < 1) throw new pulumi.InputPropertyError({ propertyPath: "replicas", reason: "need 1 ≤ max and min ≤ max" });
}

/** CPU and memory per replica, scaled with GPUs (weights are staged in memory and on disk). */
export function computeFor(gpus: number): { cpu: string; memory: string; modelDisk: string } {
  const n = Math.max(1, gpus);
  return { cpu: String(4 * n), memory: `${16 * n}Gi`, modelDisk: `${100 * n}Gi` };
}

export class InferenceService extends pulumi.ComponentResource {
  readonly serviceName: pulumi.Output<string>;
  readonly port = SERVING_PORT;

  constructor(name: string, args: InferenceServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:InferenceService", name, args, opts);
    validateInferenceServiceArgs(args);
    const parent = { parent: this };
    const role = `inference-${args.model.name}`;
    const labels = { ...workloadLabels(args.stack, role), "llmops.dev/tier": "inference" };
    const serving = servingCommand(args.model);
    const compute = computeFor(args.model.gpus);
    const gpuLimits: Record<string, string> = args.model.gpus > 0 ? { "nvidia.com/gpu": String(args.model.gpus) } : {};
    const credentialsMount = args.credentialsSecret ? [{ name: "artifact-credentials", mountPath: "/var/run/llmops/credentials", readOnly: true }] : [];
    new k8s.apps.v1.Deployment(`${name}-deployment`, {
      metadata: { name: role, namespace: args.namespace, labels },
      spec: {
        replicas: args.replicas.min,
        selector: { matchLabels: { "llmops.dev/role": role } },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
        template: {
          metadata: { labels, annotations: { "llmops.dev/weights-digest": args.weights.digest } },
          spec: {
            ...restrictedPodBasics(args.serviceAccountName),
            ...(args.model.gpus > 0 ? {
              nodeSelector: { "llmops.dev/pool": "gpu", ...(args.gpuType ? { "llmops.dev/gpu": args.gpuType } : {}) },
              tolerations: [{ key: "nvidia.com/gpu", operator: "Equal", value: "present", effect: "NoSchedule" }],
            } : {}),
            initContainers: [{
              name: "fetch-weights",
              image: imageRef(args.fetcherImage),
              args: ["fetch", "--source", args.weights.uri, "--sha256", args.weights.digest.replace(/^sha256:/, ""), "--dest", `${MODEL_DIR}/${args.model.name}`],
              env: args.credentialsSecret ? [{ name: "AWS_SHARED_CREDENTIALS_FILE", value: "/var/run/llmops/credentials/credentials" }] : [],
              securityContext: restrictedContainerSecurityContext(),
              resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2", memory: "2Gi" } },
              volumeMounts: [{ name: "models", mountPath: MODEL_DIR }, { name: "tmp", mountPath: "/tmp" }, ...credentialsMount],
            }],
            containers: [{
              name: "server",
              image: imageRef(args.image),
              ...(serving.command ? { command: serving.command } : {}),
              args: serving.args,
              env: Object.entries(serving.env).map(([key, value]) => ({ name: key, value })),
              ports: [{ name: "http", containerPort: SERVING_PORT, protocol: "TCP" }],
              readinessProbe: { httpGet: { path: serving.healthPath, port: "http" }, periodSeconds: 10, failureThreshold: 3 },
              livenessProbe: { httpGet: { path: serving.healthPath, port: "http" }, initialDelaySeconds: 120, periodSeconds: 20, failureThreshold: 6 },
              startupProbe: { httpGet: { path: serving.healthPath, port: "http" }, periodSeconds: 10, failureThreshold: 90 },
              resources: {
                requests: { cpu: compute.cpu, memory: compute.memory, ...gpuLimits },
                limits: { memory: compute.memory, ...gpuLimits },
              },
              securityContext: restrictedContainerSecurityContext(),
              volumeMounts: [
                { name: "models", mountPath: MODEL_DIR, readOnly: true },
                { name: "cache", mountPath: "/cache" },
                { name: "tmp", mountPath: "/tmp" },
                { name: "shm", mountPath: "/dev/shm" },
              ],
            }],
            volumes: [
              { name: "models", emptyDir: { sizeLimit: compute.modelDisk } },
              { name: "cache", emptyDir: { sizeLimit: "20Gi" } },
              { name: "tmp", emptyDir: { sizeLimit: "5Gi" } },
              { name: "shm", emptyDir: { medium: "Memory", sizeLimit: "8Gi" } },
              ...(args.credentialsSecret ? [{ name: "artifact-credentials", secret: { secretName: args.credentialsSecret, defaultMode: 0o440 } }] : []),
            ],
          },
        },
      },
    }, parent);
    const service = new k8s.core.v1.Service(`${name}-service`, {
      metadata: { name: role, namespace: args.namespace, labels },
      spec: { type: "ClusterIP", selector: { "llmops.dev/role": role }, ports: [{ name: "http", port: SERVING_PORT, targetPort: "http", protocol: "TCP" }] },
    }, parent);
    new k8s.policy.v1.PodDisruptionBudget(`${name}-pdb`, {
      metadata: { name: role, namespace: args.namespace, labels },
      spec: { maxUnavailable: 1, selector: { matchLabels: { "llmops.dev/role": role } } },
    }, parent);
    new k8s.autoscaling.v2.HorizontalPodAutoscaler(`${name}-hpa`, {
      metadata: { name: role, namespace: args.namespace, labels },
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: role },
        minReplicas: Math.max(1, args.replicas.min),
        maxReplicas: args.replicas.max,
        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
      },
    }, parent);
    new k8s.networking.v1.NetworkPolicy(`${name}-ingress`, {
      metadata: { name: `${role}-ingress`, namespace: args.namespace },
      spec: {
        podSelector: { matchLabels: { "llmops.dev/role": role } },
        policyTypes: ["Ingress"],
        ingress: [{
          from: args.allowedCallerRoles.map((caller) => ({ podSelector: { matchLabels: { "llmops.dev/role": caller } } })),
          ports: [{ protocol: "TCP", port: SERVING_PORT }],
        }],
      },
    }, parent);
    if (args.fetchEgressCidrs !== undefined) {
      new k8s.networking.v1.NetworkPolicy(`${name}-fetch-egress`, {
        metadata: { name: `${role}-artifact-egress`, namespace: args.namespace },
        spec: {
          podSelector: { matchLabels: { "llmops.dev/role": role } },
          policyTypes: ["Egress"],
          egress: pulumi.output(args.fetchEgressCidrs).apply((cidrs) =>
            cidrs.length === 0 ? [] : [{ to: cidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: [{ protocol: "TCP", port: 443 }] }]),
        },
      }, parent);
    }
    this.serviceName = service.metadata.name;
    this.registerOutputs({ serviceName: this.serviceName });
  }
}
