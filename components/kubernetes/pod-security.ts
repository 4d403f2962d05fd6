/**
 * Pod Security "restricted" by construction: every pod template built by the components
 * gets these contexts, and pure helpers so tests can check any template against the rules.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";

type PodSecurityContext = k8s.types.input.core.v1.PodSecurityContext;
type SecurityContext = k8s.types.input.core.v1.SecurityContext;

/** Non-root UID used by every workload (images must not require root). */
export const WORKLOAD_UID = 65532;

/** The pod security context of every workload: non-root, UID, GID and fsGroup WORKLOAD_UID (65532), seccomp RuntimeDefault (Pod Security "restricted", Kubernetes v1.30+). */
export function restrictedPodSecurityContext(): PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: WORKLOAD_UID,
    runAsGroup: WORKLOAD_UID,
    fsGroup: WORKLOAD_UID,
    seccompProfile: { type: "RuntimeDefault" },
  };
}

/** The container security context of every container: no privilege escalation, not privileged, read-only root filesystem, non-root, all capabilities dropped, seccomp RuntimeDefault (Pod Security "restricted"). */
export function restrictedContainerSecurityContext(): SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ["ALL"] },
    seccompProfile: { type: "RuntimeDefault" },
  };
}

/**
 * The pod-level settings every workload gets: its own service account, no API token
 * mounted (IRSA projects its own), and the restricted pod security context.
 */
export function restrictedPodBasics(serviceAccountName: pulumi.Input<string>) {
  return { serviceAccountName, automountServiceAccountToken: false, securityContext: restrictedPodSecurityContext() };
}

/** Standard labels; `llmops.dev/role` is what NetworkPolicies select on. */
export function workloadLabels(stack: string, role: string): Record<string, string> {
  return {
    "app.kubernetes.io/name": role,
    "app.kubernetes.io/part-of": stack,
    "app.kubernetes.io/managed-by": "llmops",
    "llmops.dev/role": role,
  };
}

export interface ContainerLike {
  readonly name?: unknown;
  readonly image?: unknown;
  readonly securityContext?: Record<string, unknown>;
  readonly env?: ReadonlyArray<{ readonly name?: unknown; readonly value?: unknown; readonly valueFrom?: unknown }>;
  readonly resources?: { readonly limits?: Record<string, unknown>; readonly requests?: Record<string, unknown> };
}

export interface PodSpecLike {
  readonly securityContext?: Record<string, unknown>;
  readonly containers?: readonly ContainerLike[];
  readonly initContainers?: readonly ContainerLike[];
  readonly hostNetwork?: unknown;
  readonly hostPID?: unknown;
  readonly hostIPC?: unknown;
  readonly volumes?: ReadonlyArray<Record<string, unknown>>;
  readonly automountServiceAccountToken?: unknown;
}

/** Violations of Pod Security "restricted" (v1.30+) in a pod spec, as plain words. */
export function restrictedViolations(pod: PodSpecLike): string[] {
  const problems: string[] = [];
  const podContext = pod.securityContext ?? {};
  if (pod.hostNetwork === true || pod.hostPID === true || pod.hostIPC === true)
    problems.push("host namespaces are shared");
  for (const volume of pod.volumes ?? []) {
    if (volume.hostPath !== undefined) problems.push(`volume ${String(volume.name)} is a hostPath`);
  }
  const seccompPod = (podContext.seccompProfile as { type?: string } | undefined)?.type;
  for (const container of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) {
    const context = container.securityContext ?? {};
    const name = String(container.name);
    if (context.allowPrivilegeEscalation !== false) problems.push(`${name}: allowPrivilegeEscalation is not false`);
    if (context.privileged === true) problems.push(`${name}: privileged`);
    if (context.runAsNonRoot !== true && podContext.runAsNonRoot !== true)
      problems.push(`${name}: runAsNonRoot is not true`);
    if (context.runAsUser === 0 || podContext.runAsUser === 0) problems.push(`${name}: runs as UID 0`);
    const drop = ((context.capabilities as { drop?: string[] } | undefined)?.drop ?? []).map((capability) =>
      capability.toUpperCase(),
    );
    if (!drop.includes("ALL")) problems.push(`${name}: capabilities do not drop ALL`);
    const add = (context.capabilities as { add?: string[] } | undefined)?.add ?? [];
    if (add.some((capability) => capability.toUpperCase() !== "NET_BIND_SERVICE"))
      problems.push(`${name}: adds capabilities ${add.join(",")}`);
    const seccomp = (context.seccompProfile as { type?: string } | undefined)?.type ?? seccompPod;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost")
      problems.push(`${name}: seccompProfile is not RuntimeDefault or Localhost`);
  }
  return problems;
}
