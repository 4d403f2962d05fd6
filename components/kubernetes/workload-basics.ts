/**
 * The Kubernetes pieces every workload component repeats, as small pure functions that return
 * plain resource arguments (no Pulumi resource is created here, so each is unit-testable):
 * - images pinned by sha256 digest (`PinnedImage`, `imageRef`, `requirePinnedDigest`);
 * - the `llmops.dev/role` selector that Services, NetworkPolicies and PodMonitors select on;
 * - the ClusterIP Service named after its role;
 * - the ingress NetworkPolicy that admits named roles on one port;
 * - the data PersistentVolumeClaim spec;
 * - the GPU pool's nodeSelector and toleration;
 * - the restricted pod of a Job or CronJob (`restartPolicy: Never`).
 * Kept apart from the components that compose them, as awsx keeps `subnetSpecs` apart from `vpc.ts`.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { restrictedPodBasics } from "./pod-security.js";

type NetworkPolicyIngressRule = k8s.types.input.networking.v1.NetworkPolicyIngressRule;
type NetworkPolicyEgressRule = k8s.types.input.networking.v1.NetworkPolicyEgressRule;

/** An OCI image pinned by digest: pulled as `repository@digest`, never by a tag. */
export interface PinnedImage {
  /** Registry and repository, e.g. `registry.internal/llmops/gateway`. */
  readonly repository: string;
  /** `sha256:` and 64 lowercase hex digits (SHA256_DIGEST). */
  readonly digest: string;
}

/** A sha256 content digest as OCI image references and the spec write it: `sha256:` and 64 lowercase hex digits. */
export const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;

/** The label every workload's pods carry with their role (workloadLabels); selectors and NetworkPolicies match on it. */
export const ROLE_LABEL = "llmops.dev/role";

/** The reference a container pulls: `repository@sha256:…`. Does not check the digest (see requirePinnedDigest). */
export function imageRef(image: PinnedImage): string {
  return `${image.repository}@${image.digest}`;
}

/**
 * Refuses a digest that is not `sha256:` and 64 lowercase hex digits.
 * @param propertyPath the argument's path in the component's Args (`image.digest`, `weights.digest`), named in the error
 * @param reason what the error says. @default "images must be pinned by sha256 digest"
 * @throws pulumi.InputPropertyError with `propertyPath` and `reason`
 */
export function requirePinnedDigest(
  digest: string,
  propertyPath: string,
  reason = "images must be pinned by sha256 digest",
): void {
  if (!SHA256_DIGEST.test(digest)) throw new pulumi.InputPropertyError({ propertyPath, reason });
}

/** `{ "llmops.dev/role": role }`: the label map a Service's `selector` takes. */
export function roleLabel(role: string): Record<string, string> {
  return { [ROLE_LABEL]: role };
}

/** `{ matchLabels: { "llmops.dev/role": role } }`: selects the pods of one role (a Deployment, a NetworkPolicy, a PodDisruptionBudget). */
export function roleSelector(role: string): { matchLabels: Record<string, string> } {
  return { matchLabels: roleLabel(role) };
}

/** NetworkPolicy peers, one `podSelector` per role, in the order given: the pods of these roles in the policy's namespace. */
export function rolePeers(roles: readonly string[]): Array<{ podSelector: { matchLabels: Record<string, string> } }> {
  return roles.map((role) => ({ podSelector: roleSelector(role) }));
}

/** One ingress rule: the pods of `roles` may connect on TCP `port`. */
export function roleIngressRule(roles: readonly string[], port: number): NetworkPolicyIngressRule {
  return { from: rolePeers(roles), ports: [{ protocol: "TCP", port }] };
}

/** Pods a workload calls: their role label (`llmops.dev/role`) and the TCP port they serve on. */
export interface RolePort {
  readonly role: string;
  readonly port: number;
}

/** One egress rule per target: to the pods of `target.role` on TCP `target.port`, in the targets' order. */
export function roleEgressRules(targets: readonly RolePort[]): NetworkPolicyEgressRule[] {
  return targets.map((target) => ({
    to: [{ podSelector: roleSelector(target.role) }],
    ports: [{ protocol: "TCP", port: target.port }],
  }));
}

/**
 * The egress rule to `cidrs` on TCP 443 (HTTPS APIs and object stores), as a list: empty when
 * `cidrs` is, since a rule with no peers would allow every destination.
 */
export function httpsEgressRules(cidrs: readonly string[]): NetworkPolicyEgressRule[] {
  return cidrs.length === 0
    ? []
    : [{ to: cidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: [{ protocol: "TCP", port: 443 }] }];
}

/**
 * The arguments of a ClusterIP Service named after `role` that selects the role's pods.
 * @param ports the Service's ports as given (name, port, targetPort and, where the caller sets it, protocol)
 * @returns `{ metadata: { name: role, namespace, labels }, spec: { type: "ClusterIP", selector, ports } }`
 */
export function clusterIpService(
  role: string,
  namespace: pulumi.Input<string>,
  labels: Record<string, string>,
  ports: k8s.types.input.core.v1.ServicePort[],
): k8s.core.v1.ServiceArgs {
  return { metadata: { name: role, namespace, labels }, spec: { type: "ClusterIP", selector: roleLabel(role), ports } };
}

/**
 * The arguments of the NetworkPolicy `<role>-ingress` that selects the role's pods and admits
 * only what `ingress` lists (an empty list admits nothing). Egress is left to other policies.
 * @returns `{ metadata: { name: "<role>-ingress", namespace }, spec: { podSelector, policyTypes: ["Ingress"], ingress } }`
 */
export function roleIngressPolicy(
  role: string,
  namespace: pulumi.Input<string>,
  ingress: NetworkPolicyIngressRule[],
): k8s.networking.v1.NetworkPolicyArgs {
  return {
    metadata: { name: `${role}-ingress`, namespace },
    spec: { podSelector: roleSelector(role), policyTypes: ["Ingress"], ingress },
  };
}

/**
 * The arguments of the PodDisruptionBudget named after `role` that keeps all but one of the
 * role's pods up during voluntary disruptions (node drains).
 * @returns `{ metadata: { name: role, namespace, labels }, spec: { maxUnavailable: 1, selector } }`
 */
export function roleDisruptionBudget(
  role: string,
  namespace: pulumi.Input<string>,
  labels: Record<string, string>,
): k8s.policy.v1.PodDisruptionBudgetArgs {
  return { metadata: { name: role, namespace, labels }, spec: { maxUnavailable: 1, selector: roleSelector(role) } };
}

/**
 * The spec of a data volume claim: ReadWriteOnce (or the modes given), the StorageClass only
 * when one is named (otherwise the cluster's default class), and `size` requested.
 * @param size a Kubernetes quantity, e.g. "20Gi"
 */
export function dataClaimSpec(
  size: string,
  storageClass?: string,
  accessModes: string[] = ["ReadWriteOnce"],
): k8s.types.input.core.v1.PersistentVolumeClaimSpec {
  return {
    accessModes,
    ...(storageClass ? { storageClassName: storageClass } : {}),
    resources: { requests: { storage: size } },
  };
}

/**
 * Where a GPU pod runs: the GPU pool's nodes (`llmops.dev/pool: gpu`, and `llmops.dev/gpu: <type>`
 * when a type is named), tolerating the pool's `nvidia.com/gpu=present:NoSchedule` taint
 * (GPU_TAINT of components/aws/gpu-inference-cluster.ts; clusters of target kubernetes taint their
 * GPU nodes the same way).
 */
export function gpuPlacement(gpuType?: string): Pick<k8s.types.input.core.v1.PodSpec, "nodeSelector" | "tolerations"> {
  return {
    nodeSelector: { "llmops.dev/pool": "gpu", ...(gpuType ? { "llmops.dev/gpu": gpuType } : {}) },
    tolerations: [{ key: "nvidia.com/gpu", operator: "Equal", value: "present", effect: "NoSchedule" }],
  };
}

/**
 * The pod spec of a Job or CronJob run: the restricted basics (own service account, no API
 * token, Pod Security "restricted" context), `restartPolicy: Never` so a failed step fails the
 * Job, then the caller's containers, volumes and anything else (`rest`), which may override.
 */
export function restrictedJobPodSpec(
  serviceAccountName: pulumi.Input<string>,
  rest: Omit<
    k8s.types.input.core.v1.PodSpec,
    "restartPolicy" | "serviceAccountName" | "automountServiceAccountToken" | "securityContext"
  >,
): k8s.types.input.core.v1.PodSpec {
  return { ...restrictedPodBasics(serviceAccountName), restartPolicy: "Never", ...rest };
}

/** What differs between the CronJobs the components schedule; the rest of the shape is fixed (forbidCronJobSpec). */
export interface CronJobRun {
  /** Cron schedule, read in UTC. */
  readonly schedule: string;
  /** Seconds after a missed start within which the run may still start. @default unset (Kubernetes: no deadline) */
  readonly startingDeadlineSeconds?: number;
  /** Seconds a run may take before Kubernetes stops it. */
  readonly activeDeadlineSeconds: number;
  /** Retries of a failed run. */
  readonly backoffLimit: number;
  /** Labels of the Jobs the CronJob creates. */
  readonly jobLabels: Record<string, string>;
  /** Labels of the Jobs' pods. @default jobLabels */
  readonly podLabels?: Record<string, string>;
  /** The run's pod (restrictedJobPodSpec). */
  readonly pod: k8s.types.input.core.v1.PodSpec;
}

/**
 * A CronJob spec that never overlaps runs: schedule in `Etc/UTC`, `concurrencyPolicy: Forbid`
 * (a run still going when the next is due is not doubled), 3 successful and 5 failed Jobs kept,
 * finished Jobs deleted after a day (`ttlSecondsAfterFinished` 86,400 s).
 */
export function forbidCronJobSpec(run: CronJobRun): k8s.types.input.batch.v1.CronJobSpec {
  return {
    schedule: run.schedule,
    timeZone: "Etc/UTC",
    concurrencyPolicy: "Forbid",
    ...(run.startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds: run.startingDeadlineSeconds } : {}),
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 5,
    jobTemplate: {
      metadata: { labels: run.jobLabels },
      spec: {
        activeDeadlineSeconds: run.activeDeadlineSeconds,
        backoffLimit: run.backoffLimit,
        ttlSecondsAfterFinished: 86_400,
        template: { metadata: { labels: run.podLabels ?? run.jobLabels }, spec: run.pod },
      },
    },
  };
}
