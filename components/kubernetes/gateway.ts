/**
 * The entry point in front of inference: an LLM gateway (LiteLLM configuration) that
 * authenticates every request with a key from a Secret, enforces the spec's per-model request
 * and token limits, and runs the spec's guardrails on every request and response
 * (`default_on`). An nginx edge proxy in the same pod terminates TLS with a cert-manager
 * certificate and adds the AI disclosure to every response; LiteLLM itself listens on loopback.
 * With spec.explainability's citations or user-facing explanations, a post_call guardrail holds
 * every answer to the response contract (response-contract.ts, docs/response-contract.md).
 * The Service is ClusterIP on 443, unless the spec allows public ingress: then an NLB with a TLS
 * listener (AWS, ACM certificate) or an Ingress with a TLS Secret, restricted to named CIDRs.
 *
 * Fail closed: LiteLLM runs pre_call and post_call guardrails inline and returns an error when a
 * guardrail raises, including when its service cannot be reached, so an unreachable Presidio or
 * LLM Guard refuses the request rather than passing it. Nothing in this config turns that off
 * (no `on_flagged: monitor`, no guardrail left `default_on: false`).
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { proxyEgressRule, proxyEnv, type EgressProxyRoute } from "./egress-proxy.js";
import { stringify } from "yaml";
import {
  httpsEgressRules,
  roleEgressRules,
  imageRef,
  requirePinnedDigest,
  roleLabel,
  rolePeers,
  roleSelector,
  type PinnedImage,
  roleDisruptionBudget,
} from "./workload-basics.js";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";
import { needsLlmGuard, needsPresidio, type GuardrailSelection } from "./guardrail-services.js";
import {
  RESPONSE_CONTRACT_FILE,
  requiresContract,
  responseContractEntry,
  responseContractModule,
  type ResponseContract,
} from "./response-contract.js";
import {
  NAMESPACE_CA_FILE,
  caTrust,
  nginxConfig,
  nginxTlsServer,
  withTransitTls,
  type InClusterTls,
} from "./transit-tls.js";

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

/** The guardrail services the gateway calls, with their in-cluster base URLs. */
export interface GatewayGuardrails {
  readonly selection: GuardrailSelection;
  readonly presidioAnalyzerUrl?: pulumi.Input<string>;
  readonly presidioAnonymizerUrl?: pulumi.Input<string>;
  readonly llmGuardUrl?: pulumi.Input<string>;
  /** Secret (key `token`) with LLM Guard API's bearer token. */
  readonly llmGuardTokenSecret?: string;
}

/** How the gateway is reached from outside the cluster. Both forms terminate TLS; there is no plain listener. */
export type GatewayExposure =
  | {
      /** A LoadBalancer Service for the AWS Load Balancer Controller: an NLB whose TLS listener holds an ACM certificate. */
      readonly kind: "awsNlb";
      readonly acmCertificateArn: string;
      readonly cidrs: readonly string[];
    }
  | {
      /** An Ingress whose TLS section names a Secret, issued by cert-manager when clusterIssuer is set. */
      readonly kind: "ingress";
      readonly hostname: string;
      readonly cidrs: readonly string[];
      readonly clusterIssuer?: string;
      readonly secretName?: string;
      readonly ingressClassName?: string;
      /** Namespace of the ingress controller, the only public caller. @default "ingress-nginx" */
      readonly controllerNamespace?: string;
    };

export interface GatewayArgs {
  /** Stack name (metadata.name): the `app.kubernetes.io/part-of` label of every object. */
  readonly stack: string;
  /** Namespace the objects are created in. */
  readonly namespace: pulumi.Input<string>;
  /** The LLM gateway image (LiteLLM-compatible), pinned by digest. */
  readonly image: PinnedImage;
  /** The TLS-terminating proxy in the gateway pod (nginx-unprivileged). */
  readonly edgeImage: PinnedImage;
  /** One route per model: upstream, base URL and the request and token limits the gateway enforces. */
  readonly routes: readonly GatewayRoute[];
  /** Service account the pods run as (its own identity; no API token is mounted). */
  readonly serviceAccountName: pulumi.Input<string>;
  /** Secret holding the gateway's master key (key `master-key`); managed outside Pulumi state. */
  readonly masterKeySecret: string;
  /** cert-manager ClusterIssuer for the gateway's in-cluster certificate. */
  readonly internalIssuer: string;
  /** Lowest TLS version the listener accepts. @default "1.2" */
  readonly tlsMinVersion?: "1.2" | "1.3";
  /** Namespaces whose pods may call the gateway. @default [] */
  readonly clientNamespaces?: readonly string[];
  /** Pod roles in this namespace that may call the gateway. @default ["app"] */
  readonly clientRoles?: readonly string[];
  /** Public exposure. @default none (ClusterIP only) */
  readonly exposure?: GatewayExposure;
  /** In-namespace roles the gateway may reach (inference servers, guardrails, record sinks), with their port. */
  readonly egressTo: ReadonlyArray<{ readonly role: string; readonly port: number }>;
  /** Pattern agent: tool servers behind the gateway's /mcp endpoint and the approval guardrail. @default none */
  readonly tools?: GatewayTools;
  /** Extra egress on 443 (private API endpoints, the egress proxy), as CIDRs. @default [] */
  readonly apiEgressCidrs?: readonly string[];
  /** The stack's own egress proxy (EgressProxy.route): external model APIs are called through it (HTTPS_PROXY and NO_PROXY, which LiteLLM's httpx clients read) and the egress policy admits the proxy pods in place of `apiEgressCidrs`. @default none */
  readonly egressProxy?: EgressProxyRoute;
  /** Screening on every request and response. @default none */
  readonly guardrails?: GatewayGuardrails;
  /** AI disclosure returned on every response (header `X-AI-Disclosure`) and at `GET /v1/disclosure`. @default none */
  readonly disclosure?: string;
  /** Shared rate-limit store (Redis protocol); required with more than one replica, so limits hold across replicas. `tls`: connect over TLS (REDIS_SSL, verified against the namespace CA). @default none (one replica counts alone) */
  readonly limiterStore?: {
    readonly host: pulumi.Input<string>;
    readonly port: number;
    readonly passwordSecret: string;
    readonly tls?: boolean;
  };
  /**
   * TLS in transit inside the cluster: LiteLLM trusts the namespace CA (SSL_CERT_FILE with the system
   * roots plus the CA, docs.litellm.ai/docs/guides/security_settings) for its https upstreams,
   * guardrails and audit sink. @default none (system roots only)
   */
  readonly upstreamTls?: InClusterTls;
  /** Where the gateway sends its request records (LiteLLM `generic_api` logger). @default none */
  readonly auditSinkUrl?: pulumi.Input<string>;
  /**
   * The response contract (spec.explainability): answers without their citations or explanation
   * become error responses (docs/response-contract.md). @default none (nothing required)
   */
  readonly responseContract?: ResponseContract;
  /** Gateway replicas. @default 2 */
  readonly replicas?: number;
}

/** Characters the disclosure may not hold: they would end or re-interpret the nginx string it is written into. */
const UNSAFE_DISCLOSURE = /["'\\$\u0000-\u001f\u007f]/;

/**
 * Checks GatewayArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - image, edgeImage: images must be pinned by sha256 digest
 *  - exposure.cidrs: a public gateway needs at least one CIDR
 *  - exposure.cidrs: 0.0.0.0/0 is not allowed
 *  - exposure.acmCertificateArn: the NLB's TLS listener needs an ACM certificate ARN
 *  - exposure.clusterIssuer: the Ingress needs a cert-manager ClusterIssuer or an existing TLS Secret
 *  - disclosure: quotes, backslashes, $ and control characters are not allowed in the disclosure text
 *  - limiterStore: more than one replica needs a shared limiter store, or each replica enforces the full limit
 *  - upstreamTls: a TLS limiter store is verified against the namespace CA, which upstreamTls mounts
 *  - guardrails.presidioAnalyzerUrl: PII screening needs the Presidio analyzer and anonymizer
 *  - guardrails.llmGuardUrl: prompt-injection, toxicity and grounding screening need LLM Guard and its token Secret
 */
export function validateGatewayArgs(args: GatewayArgs): void {
  const exposure = args.exposure;
  if (exposure && exposure.cidrs.length === 0)
    throw new pulumi.InputPropertyError({
      propertyPath: "exposure.cidrs",
      reason: "a public gateway needs at least one CIDR",
    });
  if (exposure?.cidrs.some((cidr) => cidr.endsWith("/0")))
    throw new pulumi.InputPropertyError({ propertyPath: "exposure.cidrs", reason: "0.0.0.0/0 is not allowed" });
  if (exposure?.kind === "awsNlb" && !/^arn:aws[a-z-]*:acm:/.test(exposure.acmCertificateArn))
    throw new pulumi.InputPropertyError({
      propertyPath: "exposure.acmCertificateArn",
      reason: "the NLB's TLS listener needs an ACM certificate ARN",
    });
  if (exposure?.kind === "ingress" && !exposure.clusterIssuer && !exposure.secretName)
    throw new pulumi.InputPropertyError({
      propertyPath: "exposure.clusterIssuer",
      reason: "the Ingress needs a cert-manager ClusterIssuer or an existing TLS Secret",
    });
  if (args.disclosure !== undefined && UNSAFE_DISCLOSURE.test(args.disclosure))
    throw new pulumi.InputPropertyError({
      propertyPath: "disclosure",
      reason: "quotes, backslashes, $ and control characters are not allowed in the disclosure text",
    });
  for (const [image, path] of [
    [args.image, "image.digest"],
    [args.edgeImage, "edgeImage.digest"],
  ] as const) {
    requirePinnedDigest(image.digest, path);
  }
  if (args.limiterStore?.tls && !args.upstreamTls)
    throw new pulumi.InputPropertyError({
      propertyPath: "upstreamTls",
      reason: "a TLS limiter store is verified against the namespace CA, which upstreamTls mounts",
    });
  if ((args.replicas ?? 2) > 1 && !args.limiterStore)
    throw new pulumi.InputPropertyError({
      propertyPath: "limiterStore",
      reason: "more than one replica needs a shared limiter store, or each replica enforces the full limit",
    });
  const guardrails = args.guardrails;
  if (
    guardrails &&
    needsPresidio(guardrails.selection) &&
    (!guardrails.presidioAnalyzerUrl || !guardrails.presidioAnonymizerUrl)
  )
    throw new pulumi.InputPropertyError({
      propertyPath: "guardrails.presidioAnalyzerUrl",
      reason: "PII screening needs the Presidio analyzer and anonymizer",
    });
  if (guardrails && needsLlmGuard(guardrails.selection) && (!guardrails.llmGuardUrl || !guardrails.llmGuardTokenSecret))
    throw new pulumi.InputPropertyError({
      propertyPath: "guardrails.llmGuardUrl",
      reason: "prompt-injection, toxicity and grounding screening need LLM Guard and its token Secret",
    });
}

/** LiteLLM guardrail entries (`guardrails:`), every one `default_on`, so no request or response skips them. */
export function guardrailEntries(guardrails: {
  selection: GuardrailSelection;
  presidioAnalyzerUrl?: string;
  presidioAnonymizerUrl?: string;
  llmGuardUrl?: string;
}): Array<Record<string, unknown>> {
  const selection = guardrails.selection;
  const presidio = (guardrailName: string, mode: string) => ({
    guardrail_name: guardrailName,
    litellm_params: {
      guardrail: "presidio",
      mode,
      default_on: true,
      presidio_analyzer_api_base: guardrails.presidioAnalyzerUrl,
      presidio_anonymizer_api_base: guardrails.presidioAnonymizerUrl,
      presidio_language: "en",
    },
  });
  const llmGuard = (guardrailName: string, mode: string, scanners: string[]) => ({
    guardrail_name: guardrailName,
    litellm_params: {
      guardrail: "generic_guardrail_api",
      mode,
      default_on: true,
      api_base: guardrails.llmGuardUrl,
      api_key: "os.environ/LLM_GUARD_TOKEN",
      additional_provider_specific_params: { scanners },
    },
  });
  const inputScanners = [
    ...(selection.inputPromptInjection ? ["PromptInjection"] : []),
    ...(selection.inputToxicity ? ["Toxicity"] : []),
  ];
  const outputScanners = [
    ...(selection.outputToxicity ? ["Toxicity"] : []),
    ...(selection.outputGrounding ? ["FactualConsistency"] : []),
  ];
  return [
    ...(selection.inputPii ? [presidio("pii-input", "pre_call")] : []),
    ...(inputScanners.length > 0 ? [llmGuard("llm-guard-input", "pre_call", inputScanners)] : []),
    ...(selection.outputPii ? [presidio("pii-output", "post_call")] : []),
    ...(outputScanners.length > 0 ? [llmGuard("llm-guard-output", "post_call", outputScanners)] : []),
    ...(selection.redactLogs ? [presidio("pii-logging", "logging_only")] : []),
  ];
}

export interface GatewayConfigOptions {
  readonly guardrails?: {
    selection: GuardrailSelection;
    presidioAnalyzerUrl?: string;
    presidioAnonymizerUrl?: string;
    llmGuardUrl?: string;
  };
  /** Send request records to the audit sink (LiteLLM `generic_api` logger, endpoint from GENERIC_LOGGER_ENDPOINT). */
  readonly auditSink?: boolean;
  /** Count rpm/tpm in a shared Redis-protocol store (REDIS_HOST, REDIS_PORT, REDIS_PASSWORD from the environment). */
  readonly sharedLimits?: boolean;
  /** Pattern agent: the MCP tool servers (with their allowed tools) and the approval guardrail (see tool-gateway.ts). */
  readonly tools?: GatewayTools;
  /** Enforce the response contract (citations, explanation) with its post_call guardrail. */
  readonly responseContract?: ResponseContract;
}

/** LiteLLM's `mcp_servers` section and the `pre_mcp_call` guardrail in front of every tool call. */
export interface GatewayTools {
  readonly mcpServers: Record<string, unknown>;
  readonly guardrail: Record<string, unknown>;
}

/** The gateway configuration: limits per model, key from the environment, never a literal secret; guardrails on by default. */
export function gatewayConfig(routes: readonly GatewayRoute[], options: GatewayConfigOptions = {}): string {
  const guardrails = [
    ...(options.guardrails ? guardrailEntries(options.guardrails) : []),
    ...(options.tools ? [options.tools.guardrail] : []),
    ...(options.responseContract && requiresContract(options.responseContract) ? [responseContractEntry()] : []),
  ];
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
    ...(options.tools ? { mcp_servers: options.tools.mcpServers } : {}),
    ...(guardrails.length > 0 ? { guardrails } : {}),
    litellm_settings: {
      drop_params: true,
      request_timeout: 120,
      ...(options.auditSink ? { success_callback: ["generic_api"], failure_callback: ["generic_api"] } : {}),
    },
    ...(options.sharedLimits
      ? {
          router_settings: {
            redis_host: "os.environ/REDIS_HOST",
            redis_port: "os.environ/REDIS_PORT",
            redis_password: "os.environ/REDIS_PASSWORD",
          },
        }
      : {}),
    general_settings: { master_key: "os.environ/LITELLM_MASTER_KEY", disable_spend_logs: true },
  });
}

/** Where the edge proxy listens in the pod, and the Service port in front of it. */
export const EDGE_PORT = 8443;
export const GATEWAY_SERVICE_PORT = 443;

/**
 * The edge proxy's nginx.conf: TLS on EDGE_PORT with the cert-manager certificate, the disclosure
 * header on every response (`always`, so errors and guardrail refusals carry it too), and
 * `GET /v1/disclosure` returning the text as JSON. LiteLLM listens on loopback only.
 */
export function edgeProxyConfig(options: { disclosure?: string; tlsMinVersion?: "1.2" | "1.3" }): string {
  const disclosure = options.disclosure;
  return nginxConfig(
    nginxTlsServer({
      listen: EDGE_PORT,
      certificateDir: "/etc/gateway-tls",
      minVersion: options.tlsMinVersion,
      maxBodySize: "8m",
      extra:
        disclosure !== undefined
          ? [
              `    add_header X-AI-Disclosure "${disclosure}" always;`,
              "    location = /v1/disclosure {",
              "      default_type application/json;",
              `      return 200 '${JSON.stringify({ disclosure })}';`,
              "    }",
            ]
          : [],
      upstream: GATEWAY_PORT,
      readTimeout: "180s",
    }),
  );
}

/** The gateway: LiteLLM behind a TLS edge proxy, its Service, PDB, NetworkPolicy and, when public, its TLS edge. */
export class Gateway extends pulumi.ComponentResource {
  readonly serviceName: pulumi.Output<string>;

  constructor(name: string, args: GatewayArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:Gateway", name, args, opts);
    validateGatewayArgs(args);
    const parent = { parent: this };
    const labels = workloadLabels(args.stack, GATEWAY_ROLE);
    const guardrails = args.guardrails;
    const configText = pulumi
      .all([guardrails?.presidioAnalyzerUrl, guardrails?.presidioAnonymizerUrl, guardrails?.llmGuardUrl])
      .apply(([analyzer, anonymizer, llmGuard]) =>
        gatewayConfig(args.routes, {
          ...(guardrails
            ? {
                guardrails: {
                  selection: guardrails.selection,
                  ...(analyzer ? { presidioAnalyzerUrl: analyzer } : {}),
                  ...(anonymizer ? { presidioAnonymizerUrl: anonymizer } : {}),
                  ...(llmGuard ? { llmGuardUrl: llmGuard } : {}),
                },
              }
            : {}),
          auditSink: args.auditSinkUrl !== undefined,
          sharedLimits: args.limiterStore !== undefined,
          ...(args.tools ? { tools: args.tools } : {}),
          ...(args.responseContract ? { responseContract: args.responseContract } : {}),
        }),
      );
    const contract =
      args.responseContract && requiresContract(args.responseContract) ? args.responseContract : undefined;
    const config = new k8s.core.v1.ConfigMap(
      `${name}-config`,
      {
        metadata: { name: "gateway-config", namespace: args.namespace, labels },
        // The contract's guardrail module sits beside config.yaml, where LiteLLM loads `<module>.<Class>` from.
        data: {
          "config.yaml": configText,
          ...(contract ? { [RESPONSE_CONTRACT_FILE]: responseContractModule(contract) } : {}),
        },
      },
      parent,
    );
    const edgeConfig = new k8s.core.v1.ConfigMap(
      `${name}-edge-config`,
      {
        metadata: { name: "gateway-edge-config", namespace: args.namespace, labels },
        data: {
          "nginx.conf": edgeProxyConfig({
            ...(args.disclosure !== undefined ? { disclosure: args.disclosure } : {}),
            ...(args.tlsMinVersion ? { tlsMinVersion: args.tlsMinVersion } : {}),
          }),
        },
      },
      parent,
    );
    const tlsSecret = "gateway-tls";
    const publicHost = args.exposure?.kind === "ingress" ? [args.exposure.hostname] : [];
    new k8s.apiextensions.CustomResource(
      `${name}-certificate`,
      {
        apiVersion: "cert-manager.io/v1",
        kind: "Certificate",
        metadata: { name: "gateway-tls", namespace: args.namespace, labels },
        spec: {
          secretName: tlsSecret,
          issuerRef: { kind: "ClusterIssuer", name: args.internalIssuer },
          dnsNames: [
            pulumi.interpolate`${GATEWAY_ROLE}.${args.namespace}.svc`,
            pulumi.interpolate`${GATEWAY_ROLE}.${args.namespace}.svc.cluster.local`,
            ...publicHost,
          ],
          privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
          duration: "2160h",
          renewBefore: "360h",
        },
      },
      parent,
    );
    const probe = (path: string, periodSeconds: number) => ({
      httpGet: { path, port: EDGE_PORT, scheme: "HTTPS" },
      periodSeconds,
    });
    const trust = args.upstreamTls ? caTrust(args.upstreamTls) : undefined;
    new k8s.apps.v1.Deployment(
      `${name}-deployment`,
      {
        metadata: { name: GATEWAY_ROLE, namespace: args.namespace, labels },
        spec: {
          replicas: args.replicas ?? 2,
          selector: roleSelector(GATEWAY_ROLE),
          template: {
            metadata: { labels },
            spec: withTransitTls(
              {
                ...restrictedPodBasics(args.serviceAccountName),
                containers: [
                  {
                    name: "gateway",
                    image: imageRef(args.image),
                    args: [
                      "--config",
                      "/etc/gateway/config.yaml",
                      "--host",
                      "127.0.0.1",
                      "--port",
                      String(GATEWAY_PORT),
                      "--num_workers",
                      "2",
                    ],
                    env: [
                      {
                        name: "LITELLM_MASTER_KEY",
                        valueFrom: { secretKeyRef: { name: args.masterKeySecret, key: "master-key" } },
                      },
                      ...(guardrails?.llmGuardTokenSecret && needsLlmGuard(guardrails.selection)
                        ? [
                            {
                              name: "LLM_GUARD_TOKEN",
                              valueFrom: { secretKeyRef: { name: guardrails.llmGuardTokenSecret, key: "token" } },
                            },
                          ]
                        : []),
                      ...(args.auditSinkUrl !== undefined
                        ? [{ name: "GENERIC_LOGGER_ENDPOINT", value: args.auditSinkUrl }]
                        : []),
                      ...(args.limiterStore
                        ? [
                            { name: "REDIS_HOST", value: args.limiterStore.host },
                            { name: "REDIS_PORT", value: String(args.limiterStore.port) },
                            {
                              name: "REDIS_PASSWORD",
                              valueFrom: { secretKeyRef: { name: args.limiterStore.passwordSecret, key: "password" } },
                            },
                            // LiteLLM maps REDIS_<kwarg> to redis-py's client arguments (ssl, ssl_ca_certs).
                            ...(args.limiterStore.tls
                              ? [
                                  { name: "REDIS_SSL", value: "True" },
                                  { name: "REDIS_SSL_CA_CERTS", value: NAMESPACE_CA_FILE },
                                ]
                              : []),
                          ]
                        : []),
                      ...(trust?.env ?? []),
                      ...(args.egressProxy ? proxyEnv(args.egressProxy) : []),
                      { name: "HOME", value: "/tmp" },
                    ],
                    readinessProbe: probe("/health/readiness", 10),
                    livenessProbe: { ...probe("/health/liveliness", 20), initialDelaySeconds: 20 },
                    resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "2", memory: "1Gi" } },
                    securityContext: restrictedContainerSecurityContext(),
                    volumeMounts: [
                      { name: "config", mountPath: "/etc/gateway", readOnly: true },
                      { name: "tmp", mountPath: "/tmp" },
                      ...(trust?.mounts ?? []),
                    ],
                  },
                  {
                    name: "edge",
                    image: imageRef(args.edgeImage),
                    args: ["nginx", "-c", "/etc/gateway-edge/nginx.conf", "-g", "daemon off;"],
                    ports: [{ name: "https", containerPort: EDGE_PORT, protocol: "TCP" }],
                    readinessProbe: probe("/health/readiness", 10),
                    livenessProbe: { ...probe("/health/liveliness", 20), initialDelaySeconds: 20 },
                    resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "1", memory: "256Mi" } },
                    securityContext: restrictedContainerSecurityContext(),
                    volumeMounts: [
                      { name: "edge-config", mountPath: "/etc/gateway-edge", readOnly: true },
                      { name: "tls", mountPath: "/etc/gateway-tls", readOnly: true },
                      { name: "edge-tmp", mountPath: "/tmp" },
                    ],
                  },
                ],
                volumes: [
                  { name: "config", configMap: { name: config.metadata.name } },
                  { name: "edge-config", configMap: { name: edgeConfig.metadata.name } },
                  { name: "tls", secret: { secretName: tlsSecret } },
                  { name: "tmp", emptyDir: { sizeLimit: "1Gi" } },
                  { name: "edge-tmp", emptyDir: { sizeLimit: "256Mi" } },
                ],
              },
              // The gateway container spells the trust's env (before HOME) and mounts in its own lists.
              { trust, trusting: [] },
            ),
          },
        },
      },
      parent,
    );
    const exposure = args.exposure;
    const nlb = exposure?.kind === "awsNlb" ? exposure : undefined;
    const service = new k8s.core.v1.Service(
      `${name}-service`,
      {
        metadata: {
          name: GATEWAY_ROLE,
          namespace: args.namespace,
          labels,
          ...(nlb
            ? {
                annotations: {
                  "service.beta.kubernetes.io/aws-load-balancer-type": "external",
                  "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
                  "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing",
                  "service.beta.kubernetes.io/aws-load-balancer-ssl-cert": nlb.acmCertificateArn,
                  "service.beta.kubernetes.io/aws-load-balancer-ssl-ports": String(GATEWAY_SERVICE_PORT),
                  "service.beta.kubernetes.io/aws-load-balancer-ssl-negotiation-policy":
                    args.tlsMinVersion === "1.3"
                      ? "ELBSecurityPolicy-TLS13-1-3-2021-06"
                      : "ELBSecurityPolicy-TLS13-1-2-2021-06",
                  "service.beta.kubernetes.io/aws-load-balancer-backend-protocol": "ssl",
                },
              }
            : {}),
        },
        spec: {
          type: nlb ? "LoadBalancer" : "ClusterIP",
          selector: roleLabel(GATEWAY_ROLE),
          ports: [
            { name: "https", port: GATEWAY_SERVICE_PORT, targetPort: "https", protocol: "TCP", appProtocol: "https" },
          ],
          ...(nlb ? { loadBalancerSourceRanges: [...nlb.cidrs] } : {}),
        },
      },
      parent,
    );
    if (exposure?.kind === "ingress") {
      const secretName = exposure.secretName ?? "gateway-public-tls";
      new k8s.networking.v1.Ingress(
        `${name}-ingress`,
        {
          metadata: {
            name: GATEWAY_ROLE,
            namespace: args.namespace,
            labels,
            annotations: {
              ...(exposure.clusterIssuer && !exposure.secretName
                ? { "cert-manager.io/cluster-issuer": exposure.clusterIssuer }
                : {}),
              "nginx.ingress.kubernetes.io/backend-protocol": "HTTPS",
              "nginx.ingress.kubernetes.io/ssl-redirect": "true",
              "nginx.ingress.kubernetes.io/force-ssl-redirect": "true",
              "nginx.ingress.kubernetes.io/whitelist-source-range": exposure.cidrs.join(","),
            },
          },
          spec: {
            ...(exposure.ingressClassName ? { ingressClassName: exposure.ingressClassName } : {}),
            tls: [{ hosts: [exposure.hostname], secretName }],
            rules: [
              {
                host: exposure.hostname,
                http: {
                  paths: [
                    {
                      path: "/",
                      pathType: "Prefix",
                      backend: { service: { name: service.metadata.name, port: { number: GATEWAY_SERVICE_PORT } } },
                    },
                  ],
                },
              },
            ],
          },
        },
        parent,
      );
    }
    new k8s.policy.v1.PodDisruptionBudget(
      `${name}-pdb`,
      roleDisruptionBudget(GATEWAY_ROLE, args.namespace, labels),
      parent,
    );
    const from = [
      ...rolePeers(args.clientRoles ?? ["app"]),
      ...(args.clientNamespaces ?? []).map((namespace) => ({
        namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": namespace } },
      })),
      ...(nlb ? nlb.cidrs.map((cidr) => ({ ipBlock: { cidr } })) : []),
      ...(exposure?.kind === "ingress"
        ? [
            {
              namespaceSelector: {
                matchLabels: { "kubernetes.io/metadata.name": exposure.controllerNamespace ?? "ingress-nginx" },
              },
            },
          ]
        : []),
    ];
    new k8s.networking.v1.NetworkPolicy(
      `${name}-policy`,
      {
        metadata: { name: "gateway", namespace: args.namespace },
        spec: {
          podSelector: roleSelector(GATEWAY_ROLE),
          policyTypes: ["Ingress", "Egress"],
          ingress: [{ from, ports: [{ protocol: "TCP", port: EDGE_PORT }] }],
          egress: [
            ...roleEgressRules(args.egressTo),
            ...(args.egressProxy ? [proxyEgressRule(args.egressProxy)] : httpsEgressRules(args.apiEgressCidrs ?? [])),
          ],
        },
      },
      parent,
    );
    this.serviceName = service.metadata.name;
    this.registerOutputs({ serviceName: this.serviceName });
  }
}
