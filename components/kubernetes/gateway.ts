/**
 * The internal entry point in front of inference: an LLM gateway (LiteLLM-compatible
 * configuration) that authenticates every request with a key from a Secret and enforces
 * the spec's per-model request and token limits. A ClusterIP Service unless the spec
 * explicitly allows public ingress, and then a LoadBalancer restricted to named CIDRs.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { stringify } from "yaml";
import { imageRef, type PinnedImage } from "./inference-service.js";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";

export const GATEWAY_ROLE = "gateway";
export const GATEWAY_PORT = 4000;

export interface GatewayRoute {
  readonly model: string;
  /** Upstream model id for the gateway. @default `openai/<model>` (an OpenAI-compatible server) */
  readonly upstreamModel?: string;
  /** Base URL of an OpenAI-compatible upstream (in-cluster service or private API endpoint). @default none (provider SDK) */
  readonly apiBase?: string;
  readonly requestsPerMinute: number;
  readonly tokensPerMinute?: number;
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
}

export interface GatewayArgs {
  readonly stack: string;
  readonly namespace: pulumi.Input<string>;
  readonly image: PinnedImage;
  readonly routes: readonly GatewayRoute[];
  readonly serviceAccountName: pulumi.Input<string>;
  /** Secret holding the gateway's master key (key `master-key`); managed outside Pulumi state. */
  readonly masterKeySecret: string;
  /** Namespaces whose pods may call the gateway. @default [] */
  readonly clientNamespaces?: readonly string[];
  /** Pod roles in this namespace that may call the gateway. @default ["app"] */
  readonly clientRoles?: readonly string[];
  /** Expose through a LoadBalancer; requires publicCidrs. @default false */
  readonly public?: boolean;
  /** CIDRs allowed through the LoadBalancer; never 0.0.0.0/0. Only with public. */
  readonly publicCidrs?: readonly string[];
  /** In-namespace roles the gateway may reach (inference servers, record sinks), with their port. */
  readonly egressTo: ReadonlyArray<{ readonly role: string; readonly port: number }>;
  /** Extra egress on 443 (private API endpoints), as CIDRs. @default [] */
  readonly apiEgressCidrs?: readonly string[];
  /** Hostnames the egress proxy may forward to (black-box APIs), passed to the gateway. @default [] */
  readonly egressAllowlist?: readonly string[];
  readonly replicas?: number;
}

export function validateGatewayArgs(args: GatewayArgs): void {
  if (args.public && (args.publicCidrs ?? []).length === 0) throw new pulumi.InputPropertyError({ propertyPath: "publicCidrs", reason: "a public gateway needs at least one CIDR" });
  if ((args.publicCidrs ?? []).some((cidr) => cidr.endsWith("/0"))) throw new pulumi.InputPropertyError({ propertyPath: "publicCidrs", reason: "0.0.0.0/0 is not allowed" });
  if (!/^sha256:[a-f0-9]{64}$/.test(args.image.digest)) throw new pulumi.InputPropertyError({ propertyPath: "image.digest", reason: "images must be pinned by sha256 digest" });
}

/** The gateway configuration: limits per model, key from the environment, never a literal secret. */
export function gatewayConfig(routes: readonly GatewayRoute[]): string {
  return stringify({
    model_list: routes.map((route) => ({
      model_name: route.model,
      litellm_params: {
        model: route.upstreamModel ?? `openai/${route.model}`,
        ...(route.apiBase ? { api_base: route.apiBase } : {}),
        rpm: route.requestsPerMinute,
        ...(route.tokensPerMinute ? { tpm: route.tokensPerMinute } : {}),
        max_tokens: route.maxOutputTokens,
      },
      model_info: { max_input_tokens: route.maxInputTokens, max_output_tokens: route.maxOutputTokens },
    })),
    litellm_settings: { drop_params: true, request_timeout: 120 },
    general_settings: { master_key: "os.environ/LITELLM_MASTER_KEY", disable_spend_logs: true },
  });
}

export class Gateway extends pulumi.ComponentResource {
  readonly serviceName: pulumi.Output<string>;

  constructor(name: string, args: GatewayArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:Gateway", name, args, opts);
    validateGatewayArgs(args);
    const parent = { parent: this };
    const labels = workloadLabels(args.stack, GATEWAY_ROLE);
    const config = new k8s.core.v1.ConfigMap(`${name}-config`, {
      metadata: { name: "gateway-config", namespace: args.namespace, labels },
      data: { "config.yaml": gatewayConfig(args.routes) },
    }, parent);
    new k8s.apps.v1.Deployment(`${name}-deployment`, {
      metadata: { name: GATEWAY_ROLE, namespace: args.namespace, labels },
      spec: {
        replicas: args.replicas ?? 2,
        selector: { matchLabels: { "llmops.dev/role": GATEWAY_ROLE } },
        template: {
          metadata: { labels },
          spec: {
            ...restrictedPodBasics(args.serviceAccountName),
            containers: [{
              name: "gateway",
              image: imageRef(args.image),
              args: ["--config", "/etc/gateway/config.yaml", "--port", String(GATEWAY_PORT), "--num_workers", "2"],
              env: [
                { name: "LITELLM_MASTER_KEY", valueFrom: { secretKeyRef: { name: args.masterKeySecret, key: "master-key" } } },
                { name: "LLMOPS_EGRESS_ALLOWLIST", value: (args.egressAllowlist ?? []).join(",") },
                { name: "HOME", value: "/tmp" },
              ],
              ports: [{ name: "http", containerPort: GATEWAY_PORT, protocol: "TCP" }],
              readinessProbe: { httpGet: { path: "/health/readiness", port: "http" }, periodSeconds: 10 },
              livenessProbe: { httpGet: { path: "/health/liveliness", port: "http" }, periodSeconds: 20, initialDelaySeconds: 20 },
              resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "2", memory: "1Gi" } },
              securityContext: restrictedContainerSecurityContext(),
              volumeMounts: [{ name: "config", mountPath: "/etc/gateway", readOnly: true }, { name: "tmp", mountPath: "/tmp" }],
            }],
            volumes: [{ name: "config", configMap: { name: config.metadata.name } }, { name: "tmp", emptyDir: { sizeLimit: "1Gi" } }],
          },
        },
      },
    }, parent);
    const service = new k8s.core.v1.Service(`${name}-service`, {
      metadata: {
        name: GATEWAY_ROLE,
        namespace: args.namespace,
        labels,
        ...(args.public ? { annotations: { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing" } } : {}),
      },
      spec: {
        type: args.public ? "LoadBalancer" : "ClusterIP",
        selector: { "llmops.dev/role": GATEWAY_ROLE },
        ports: [{ name: "http", port: GATEWAY_PORT, targetPort: "http", protocol: "TCP" }],
        ...(args.public ? { loadBalancerSourceRanges: [...(args.publicCidrs ?? [])] } : {}),
      },
    }, parent);
    new k8s.policy.v1.PodDisruptionBudget(`${name}-pdb`, {
      metadata: { name: GATEWAY_ROLE, namespace: args.namespace, labels },
      spec: { maxUnavailable: 1, selector: { matchLabels: { "llmops.dev/role": GATEWAY_ROLE } } },
    }, parent);
    const from = [
      ...(args.clientRoles ?? ["app"]).map((role) => ({ podSelector: { matchLabels: { "llmops.dev/role": role } } })),
      ...(args.clientNamespaces ?? []).map((namespace) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": namespace } } })),
      ...(args.public ? (args.publicCidrs ?? []).map((cidr) => ({ ipBlock: { cidr } })) : []),
    ];
    new k8s.networking.v1.NetworkPolicy(`${name}-policy`, {
      metadata: { name: "gateway", namespace: args.namespace },
      spec: {
        podSelector: { matchLabels: { "llmops.dev/role": GATEWAY_ROLE } },
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ from, ports: [{ protocol: "TCP", port: GATEWAY_PORT }] }],
        egress: [
          ...args.egressTo.map((target) => ({
            to: [{ podSelector: { matchLabels: { "llmops.dev/role": target.role } } }],
            ports: [{ protocol: "TCP", port: target.port }],
          })),
          ...((args.apiEgressCidrs ?? []).length > 0 ? [{ to: (args.apiEgressCidrs ?? []).map((cidr) => ({ ipBlock: { cidr } })), ports: [{ protocol: "TCP", port: 443 }] }] : []),
        ],
      },
    }, parent);
    this.serviceName = service.metadata.name;
    this.registerOutputs({ serviceName: this.serviceName });
  }
}
