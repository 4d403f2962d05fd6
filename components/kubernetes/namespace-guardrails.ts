/**
 * A dedicated namespace per stack: Pod Security "restricted" (enforce, audit, warn),
 * default-deny NetworkPolicies for ingress and egress plus DNS egress, a ResourceQuota that
 * caps GPUs, a LimitRange, and a default service account that mounts no token.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

export interface NamespaceGuardrailsArgs {
  /** Name of the namespace to create (a DNS label). */
  readonly namespace: string;
  /** Most GPUs the namespace may request (requests.nvidia.com/gpu). */
  readonly gpuQuota: number;
  /** CPU and memory caps for the namespace. @default { cpu: "64", memory: "256Gi" } */
  readonly compute?: { readonly cpu: string; readonly memory: string };
  /** Extra labels on the Namespace. @default none */
  readonly labels?: Record<string, string>;
}

/**
 * Checks NamespaceGuardrailsArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - namespace: must be a DNS label
 *  - gpuQuota: must be a whole number ≥ 0
 */
export function validateNamespaceGuardrailsArgs(args: NamespaceGuardrailsArgs): void {
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(args.namespace))
    throw new pulumi.InputPropertyError({ propertyPath: "namespace", reason: "must be a DNS label" });
  if (!Number.isInteger(args.gpuQuota) || args.gpuQuota < 0)
    throw new pulumi.InputPropertyError({ propertyPath: "gpuQuota", reason: "must be a whole number ≥ 0" });
}

export const POD_SECURITY_LABELS = {
  "pod-security.kubernetes.io/enforce": "restricted",
  "pod-security.kubernetes.io/enforce-version": "latest",
  "pod-security.kubernetes.io/audit": "restricted",
  "pod-security.kubernetes.io/warn": "restricted",
} as const;

/**
 * The stack's Namespace with Pod Security "restricted" (enforce, audit, warn), default-deny ingress and egress NetworkPolicies with DNS egress, a ResourceQuota capping GPUs, a LimitRange, and a default service account that mounts no token.
 * @throws pulumi.InputPropertyError from validateNamespaceGuardrailsArgs, before any resource is created
 */
export class NamespaceGuardrails extends pulumi.ComponentResource {
  readonly namespace: k8s.core.v1.Namespace;
  readonly name: pulumi.Output<string>;

  constructor(name: string, args: NamespaceGuardrailsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:NamespaceGuardrails", name, args, opts);
    validateNamespaceGuardrailsArgs(args);
    const parent = { parent: this };
    this.namespace = new k8s.core.v1.Namespace(
      `${name}-ns`,
      {
        metadata: { name: args.namespace, labels: { ...args.labels, ...POD_SECURITY_LABELS } },
      },
      parent,
    );
    const namespace = this.namespace.metadata.name;
    const inNamespace = { parent: this, dependsOn: [this.namespace] };
    new k8s.networking.v1.NetworkPolicy(
      `${name}-default-deny`,
      {
        metadata: { name: "default-deny-all", namespace },
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      },
      inNamespace,
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-allow-dns`,
      {
        metadata: { name: "allow-dns-egress", namespace },
        spec: {
          podSelector: {},
          policyTypes: ["Egress"],
          egress: [
            {
              to: [
                {
                  namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
                  podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
                },
              ],
              ports: [
                { protocol: "UDP", port: 53 },
                { protocol: "TCP", port: 53 },
              ],
            },
          ],
        },
      },
      inNamespace,
    );
    const compute = args.compute ?? { cpu: "64", memory: "256Gi" };
    new k8s.core.v1.ResourceQuota(
      `${name}-quota`,
      {
        metadata: { name: "llmops-quota", namespace },
        spec: {
          hard: {
            "requests.nvidia.com/gpu": String(args.gpuQuota),
            "requests.cpu": compute.cpu,
            "requests.memory": compute.memory,
            "limits.memory": compute.memory,
            "services.loadbalancers": "1",
            "services.nodeports": "0",
          },
        },
      },
      inNamespace,
    );
    new k8s.core.v1.LimitRange(
      `${name}-limits`,
      {
        metadata: { name: "llmops-defaults", namespace },
        spec: {
          limits: [
            {
              type: "Container",
              default: { cpu: "1", memory: "1Gi" },
              defaultRequest: { cpu: "100m", memory: "128Mi" },
              max: { memory: "512Gi" },
            },
          ],
        },
      },
      inNamespace,
    );
    // The namespace's own default service account: take it over so it mounts no token.
    new k8s.core.v1.ServiceAccount(
      `${name}-default-sa`,
      {
        metadata: { name: "default", namespace, annotations: { "pulumi.com/patchForce": "true" } },
        automountServiceAccountToken: false,
      },
      inNamespace,
    );
    this.name = namespace;
    this.registerOutputs({ namespace: this.name });
  }
}
