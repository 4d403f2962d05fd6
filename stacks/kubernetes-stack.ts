/**
 * target: kubernetes — any existing GPU cluster, reached through a kubeconfig, or no cluster
 * at all with renderYamlToDirectory (manifests written for review and `llmops check`).
 *
 *   pulumi config set llmops:kubeconfig ~/.kube/config      (or KUBECONFIG)
 *   pulumi config set llmops:context fra1-gpu               (or spec.target.kubernetes.context)
 *   pulumi config set llmops:renderYamlToDirectory rendered (no cluster needed)
 *   pulumi config set llmops:apiServerOnly true             (a control plane with no kubelet or
 *                                                            controllers: see apiServerOnlyTransformation)
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import { StackRoot, type StackOptions } from "./stack-root.js";
import { composeWorkloads } from "./workloads.js";

/** The Kubernetes provider of the stack, from stack config: `llmops:kubeconfig`, `llmops:context` (else the spec's target.kubernetes.context), or `llmops:renderYamlToDirectory` to write manifests instead of applying them. */
export function kubernetesProvider(spec: LLMOpsStack, parent?: pulumi.Resource): k8s.Provider {
  const config = new pulumi.Config("llmops");
  const render = config.get("renderYamlToDirectory");
  const kubeconfig = config.get("kubeconfig");
  const context = config.get("context") ?? spec.spec.target.kubernetes?.context;
  return new k8s.Provider(
    `${spec.metadata.name}-k8s`,
    {
      ...(render ? { renderYamlToDirectory: render } : {}),
      ...(kubeconfig ? { kubeconfig } : {}),
      ...(context && !render ? { context } : {}),
      enableServerSideApply: true,
    },
    parent ? { parent } : {},
  );
}

/** Annotations that make the Kubernetes provider neither wait for readiness nor for a cascading delete. */
export const API_SERVER_ONLY_ANNOTATIONS: Readonly<Record<string, string>> = {
  "pulumi.com/skipAwait": "true",
  "pulumi.com/deletionPropagationPolicy": "background",
};

/**
 * For `llmops:apiServerOnly`: a cluster that is an API server and etcd only (the test control plane
 * of scripts/cluster.sh), with no kubelet, scheduler or controller manager. There, nothing would
 * ever satisfy the provider's waits, so every Kubernetes resource gets two annotations:
 * - `pulumi.com/skipAwait: "true"`: the provider's readiness waits (a Deployment's available
 *   replicas, a Service's endpoints, a Job's completion, a PVC's binding) need a kubelet and the
 *   controllers; without them `up` would stop at the provider's 10-minute timeout and fail. The
 *   objects are still created, validated, defaulted and admitted by the real API server; only the
 *   wait for them to run is skipped. It also makes the provider not wait for a Namespace to finish
 *   terminating (no namespace controller empties and finalises it here).
 * - `pulumi.com/deletionPropagationPolicy: background`: the provider deletes with foreground
 *   propagation by default, which puts a `foregroundDeletion` finalizer on the object that only the
 *   garbage collector (in the controller manager) removes, so every delete would hang. Background
 *   propagation deletes the object at once; it has no dependents here (no ReplicaSet or Pod is
 *   ever created without controllers).
 * Never set this for a real cluster: there, the waits are what make `up` fail on a workload that
 * does not become ready.
 *
 * Returns the transformed props and options, or undefined for a resource that is not a Kubernetes
 * object (components, the provider itself).
 */
export function apiServerOnlyTransformation(
  args: pulumi.ResourceTransformationArgs,
): pulumi.ResourceTransformationResult | undefined {
  if (!args.type.startsWith("kubernetes:") || args.type.startsWith("pulumi:providers:")) return undefined;
  const props = args.props as { metadata?: pulumi.Input<k8s.types.input.meta.v1.ObjectMeta> };
  const metadata = pulumi.output(props.metadata ?? {}).apply((meta) => ({
    ...meta,
    annotations: { ...(meta.annotations ?? {}), ...API_SERVER_ONLY_ANNOTATIONS },
  }));
  return { props: { ...args.props, metadata }, opts: args.opts };
}

/**
 * Builds the workloads on an existing cluster (target kubernetes) under a StackRoot with the provider from kubernetesProvider; with `llmops:apiServerOnly` the objects are annotated for a bare API server (the cluster tests).
 * @returns the stack outputs once registered
 * @throws MissingPlatformImageError when a workload's image is not in the spec
 */
export function composeKubernetes(spec: LLMOpsStack, options: StackOptions): Promise<Record<string, unknown>> {
  const provider = kubernetesProvider(spec);
  const apiServerOnly = new pulumi.Config("llmops").getBoolean("apiServerOnly") ?? false;
  const root = new StackRoot(spec.metadata.name, {
    providers: [provider],
    ...(apiServerOnly ? { transformations: [apiServerOnlyTransformation] } : {}),
  });
  const outputs = composeWorkloads(spec, {
    opts: { parent: root },
    fetchEgressCidrs: spec.spec.platform.artifactStoreCidrs,
    apiEgressCidrs: spec.spec.platform.egressProxyCidrs,
    buildEgressProxy: true,
    recordSinks: true,
    installDevicePlugin: spec.spec.platform.gpu.install === "devicePlugin",
  });
  root.finish(outputs);
  return Promise.resolve({ ...outputs, policyBundleRevision: options.bundleRevision });
}
