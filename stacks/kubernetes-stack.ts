/**
 * target: kubernetes — any existing GPU cluster, reached through a kubeconfig, or no cluster
 * at all with renderYamlToDirectory (manifests written for review and `llmops check`).
 *
 *   pulumi config set llmops:kubeconfig ~/.kube/config      (or KUBECONFIG)
 *   pulumi config set llmops:context fra1-gpu               (or spec.target.kubernetes.context)
 *   pulumi config set llmops:renderYamlToDirectory rendered (no cluster needed)
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import { StackRoot, type StackOptions } from "./program.js";
import { composeWorkloads } from "./workloads.js";

export function kubernetesProvider(spec: LLMOpsStack, parent?: pulumi.Resource): k8s.Provider {
  const config = new pulumi.Config("llmops");
  const render = config.get("renderYamlToDirectory");
  const kubeconfig = config.get("kubeconfig");
  const context = config.get("context") ?? spec.spec.target.kubernetes?.context;
  return new k8s.Provider(`${spec.metadata.name}-k8s`, {
    ...(render ? { renderYamlToDirectory: render } : {}),
    ...(kubeconfig ? { kubeconfig } : {}),
    ...(context && !render ? { context } : {}),
    enableServerSideApply: true,
  }, parent ? { parent } : {});
}

export function composeKubernetes(spec: LLMOpsStack, options: StackOptions): Promise<Record<string, unknown>> {
  const provider = kubernetesProvider(spec);
  const root = new StackRoot(spec.metadata.name, { providers: [provider] });
  const outputs = composeWorkloads(spec, {
    opts: { parent: root },
    fetchEgressCidrs: spec.spec.platform.artifactStoreCidrs,
    apiEgressCidrs: spec.spec.platform.egressProxyCidrs,
    recordSinks: true,
    installDevicePlugin: spec.spec.platform.gpu.install === "devicePlugin",
  });
  root.finish(outputs);
  return Promise.resolve({ ...outputs, policyBundleRevision: options.bundleRevision });
}
