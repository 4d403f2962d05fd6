/**
 * The Kubernetes workloads of a stack, on any cluster: namespace guardrails, workload
 * identities, one inference service per self-hosted model, the gateway, an in-cluster
 * vector database when the engine is Qdrant or pgvector, and record sinks when the
 * platform has no managed audit and feedback stores (target kubernetes).
 */
import * as pulumi from "@pulumi/pulumi";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import { NamespaceGuardrails } from "../components/kubernetes/namespace-guardrails.js";
import { WorkloadRbac, type WorkloadIdentity } from "../components/kubernetes/workload-rbac.js";
import { InferenceService } from "../components/kubernetes/inference-service.js";
import type { PinnedImage } from "../components/kubernetes/workload-basics.js";
import { ModelCache } from "../components/kubernetes/model-cache.js";
import { GpuNodeAgents } from "../components/kubernetes/gpu-node-agents.js";
import { modelSizing } from "./model-sizing.js";
import {
  EDGE_PORT,
  GATEWAY_ROLE,
  GATEWAY_SERVICE_PORT,
  Gateway,
  type GatewayExposure,
  type GatewayRoute,
} from "../components/kubernetes/gateway.js";
import {
  GuardrailServices,
  LLM_GUARD_PORT,
  LLM_GUARD_ROLE,
  PRESIDIO_ANALYZER_ROLE,
  PRESIDIO_ANONYMIZER_ROLE,
  PRESIDIO_PORT,
  needsLlmGuard,
  needsPresidio,
  type GuardrailSelection,
} from "../components/kubernetes/guardrail-services.js";
import {
  InClusterVectorDatabase,
  TENANT_LABEL,
  VECTOR_DB_PROVISIONER_ROLE,
  VECTOR_DB_ROLE,
} from "../components/kubernetes/vector-database.js";
import { TenantRetrieval, type IamTenantEngine } from "../components/kubernetes/tenant-retrieval.js";
import { AuroraTenantProvisioning } from "../components/kubernetes/aurora-tenant-provisioning.js";
import { IAM_TENANCY_ENGINES, vectorTenants } from "./vector-tenancy.js";
import { RecordSink, SINK_PORT } from "../components/kubernetes/record-sink.js";
import { LIMITER_PORT, LIMITER_ROLE, LimiterStore } from "../components/kubernetes/limiter-store.js";
import { SERVING_PORT, type ServingRuntime } from "../components/kubernetes/serving-runtime.js";
import { DATASET_GATE_ROLE } from "../components/kubernetes/fine-tuning-pipeline.js";
import { AGENT_ROLE, TOOL_APPROVAL_ROLE } from "../components/kubernetes/tool-gateway.js";
import { EGRESS_PROXY_ROLE, EgressProxy } from "../components/kubernetes/egress-proxy.js";
import { INGESTION_ROLE } from "../components/kubernetes/rag-ingestion.js";
import { NAMESPACE_CA_FILE, NamespaceCa, scheme, type InClusterTls } from "../components/kubernetes/transit-tls.js";
import { composeAgentTools, hasAgentTools } from "./agent-workloads.js";
import {
  FINE_TUNING_IDENTITIES,
  composeFineTuning,
  fineTuningProblem,
  pipelineCompute,
} from "./fine-tuning-workloads.js";
import { composePatternWorkloads, patternWorkloadNeeds } from "./pattern-workloads.js";
import { bedrockModelId, isSelfHosted, limitsOf } from "./model-serving.js";
import { UserFacingError } from "../schemas/user-facing-error.js";

type Model = LLMOpsStack["spec"]["models"][number];

export interface WorkloadContext {
  /** Options carrying the Kubernetes provider (as parent or providers). */
  readonly opts: pulumi.ComponentResourceOptions;
  /** EKS: IAM role per workload for IRSA. */
  readonly awsRoleArns?: Partial<Record<string, pulumi.Input<string>>>;
  /** Where each model's weights are fetched from (defaults to the spec's source URI). */
  readonly weightUris?: Readonly<Record<string, pulumi.Input<string>>>;
  /** CIDRs the weight fetcher may reach on 443. */
  readonly fetchEgressCidrs: pulumi.Input<string[]>;
  /** CIDRs the gateway may reach on 443 (private API endpoints). */
  readonly apiEgressCidrs: readonly string[];
  /**
   * Build the stack's own egress proxy (target kubernetes) when the spec declares
   * network.egress.mode allowlist and names platform.images.egressProxy. It then takes precedence
   * over `apiEgressCidrs` for the gateway and the feedback review queue, which reach the internet
   * through the proxy pods only; RAG ingestion reads https sources through the proxy and keeps
   * `apiEgressCidrs` for private-network sources (docs/egress.md). @default false
   */
  readonly buildEgressProxy?: boolean;
  /** Deploy in-cluster audit and feedback sinks (no managed stores). */
  readonly recordSinks: boolean;
  /** StorageClass of the shared weights volumes (must support ReadOnlyMany). @default spec.platform.modelCache.storageClass ?? spec.platform.storageClass */
  readonly modelCacheStorageClass?: pulumi.Input<string>;
  /** Install the NVIDIA device plugin (target kubernetes with platform.gpu.install devicePlugin). */
  readonly installDevicePlugin: boolean;
  /** What ScaledObjects and PodMonitors wait for (EKS: the ServingMetrics charts that bring their CRDs). @default nothing */
  readonly metricsReady?: pulumi.Resource[];
  /** Pattern fineTuning: the dataset store and the registry and evidence prefixes (AWS builds them). @default under the output model's source URI */
  readonly fineTuning?: {
    readonly datasetsUri?: pulumi.Input<string>;
    readonly registryUri?: pulumi.Input<string>;
    readonly evidenceUri?: pulumi.Input<string>;
  };
  /** target aws: the managed vector store's endpoint, for RAG ingestion. */
  readonly vectorStoreEndpoint?: pulumi.Input<string>;
  /**
   * target aws, a managed store partitioned per tenant: each tenant's endpoint (its OpenSearch
   * collection's; Aurora: the cluster's) and, for Aurora, the RDS-managed master secret the
   * provisioning Job reads. The tenants' IAM roles are in awsRoleArns (`retrieval-<tenant>`,
   * `ingestion-<tenant>`, `vector-db-provisioner`). @default none
   */
  readonly vectorTenancy?: {
    readonly endpoints: Readonly<Record<string, pulumi.Input<string>>>;
    readonly masterSecretArn?: pulumi.Input<string>;
  };
  /** target aws: s3:// prefixes of data-quality evidence, the feedback records and the exported datasets. */
  readonly evidenceUrl?: pulumi.Input<string>;
  readonly feedbackStoreUrl?: pulumi.Input<string>;
  readonly datasetUrl?: pulumi.Input<string>;
}

/**
 * A spec field the workloads cannot be built without. `path` is its JSON Pointer (or its
 * parent's, when the field is absent), so a caller can match the spec check that knows it.
 */
export class MissingPlatformImageError extends UserFacingError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

export const IN_CLUSTER_VECTOR_ENGINES = new Set(["qdrant", "pgvector"]);

type ImageKey = keyof LLMOpsStack["spec"]["platform"]["images"];

function requireImage(spec: LLMOpsStack, key: ImageKey, why: string): PinnedImage {
  const image = spec.spec.platform.images[key];
  if (!image)
    throw new MissingPlatformImageError(`spec.platform.images.${key} is required: ${why}`, "/spec/platform/images");
  return image;
}

/**
 * The egress proxy image when the stack builds its own proxy: the context asks for it (target
 * kubernetes), the spec declares network.egress.mode allowlist with at least one host, and names
 * platform.images.egressProxy. Undefined otherwise (platform.egressProxyCidrs, if any, is then the
 * egress path).
 */
export function egressProxyImage(
  spec: LLMOpsStack,
  context: Pick<WorkloadContext, "buildEgressProxy">,
): PinnedImage | undefined {
  const egress = spec.spec.network.egress;
  if (!context.buildEgressProxy || egress.mode !== "allowlist" || egress.allowlist.length === 0) return undefined;
  return spec.spec.platform.images.egressProxy;
}

/**
 * The roles whose pods may use the stack's egress proxy: the gateway when a model is an external
 * API, RAG ingestion when the spec embeds data sources, the review queue and its export when the
 * spec enables the review queue (oauth2-proxy signs reviewers in at the identity provider); as
 * patternWorkloadNeeds knows them before anything is built.
 */
export function egressProxyClients(spec: LLMOpsStack): string[] {
  const needs = patternWorkloadNeeds(spec);
  return [
    ...(spec.spec.models.some((model) => !isSelfHosted(model)) ? [GATEWAY_ROLE] : []),
    ...needs.auditProducers.filter((role) => role === INGESTION_ROLE),
    ...needs.feedbackProducers,
  ];
}

/**
 * The OIDC issuer each tenant's retriever takes the tenant from (spec access.identityProvider).
 * @throws MissingPlatformImageError at /spec/access/identityProvider when it is not oidc with an issuer
 */
function tenantIssuer(spec: LLMOpsStack): string {
  const provider = spec.spec.access.identityProvider;
  if (provider.type !== "oidc" || !provider.issuer) {
    throw new MissingPlatformImageError(
      "spec.access.identityProvider must be oidc with an issuer: each tenant's retriever takes the tenant from the caller's token",
      "/spec/access/identityProvider",
    );
  }
  return provider.issuer;
}

/** The spec's models the stack serves itself (runtime vllm, tgi, tei or triton), in spec order. */
export function selfHostedModels(spec: LLMOpsStack): Model[] {
  return spec.spec.models.filter((model) => isSelfHosted(model));
}

/** The namespace of the workloads: spec.target.kubernetes.namespace, else metadata.name. */
export function namespaceOf(spec: LLMOpsStack): string {
  return spec.spec.target.kubernetes?.namespace ?? spec.metadata.name;
}

/** The gateway's route for a model: in-cluster servers (https with TLS in transit), Bedrock, or an external API behind the proxy. */
function routeFor(model: Model, namespace: string, tls?: InClusterTls): GatewayRoute {
  const limits = limitsOf(model);
  const common = {
    model: model.name,
    requestsPerMinute: limits.requestsPerMinute,
    maxInputTokens: limits.maxInputTokens,
    maxOutputTokens: limits.maxOutputTokens,
    ...(limits.tokensPerMinute ? { tokensPerMinute: limits.tokensPerMinute } : {}),
  };
  if (isSelfHosted(model))
    return {
      ...common,
      apiBase: `${scheme(tls)}://inference-${model.name}.${namespace}.svc.cluster.local:${SERVING_PORT}/v1`,
    };
  if (model.source.type === "bedrock") {
    return { ...common, upstreamModel: `bedrock/${bedrockModelId(model)}` };
  }
  return { ...common, apiBase: model.source.uri };
}

/** The screening the spec declares: guardrails on input and output, and PII redaction of logs. */
export function guardrailSelection(spec: LLMOpsStack): GuardrailSelection {
  const { guardrails, privacy } = spec.spec;
  return {
    inputPromptInjection: guardrails.input.promptInjection,
    inputPii: guardrails.input.pii,
    inputToxicity: guardrails.input.toxicity,
    outputPii: guardrails.output.pii,
    outputToxicity: guardrails.output.toxicity,
    outputGrounding: guardrails.output.grounding,
    redactLogs: privacy.piiRedaction.logs,
  };
}

/** Default disclosure when the spec turns it on without its own text. */
export const DEFAULT_DISCLOSURE = "This response was generated by an AI system.";

/**
 * The gateway's public edge from the spec: an NLB TLS listener with the ACM certificate on aws,
 * an Ingress with a cert-manager (or named) TLS Secret on kubernetes. Throws MissingPlatformImageError
 * (a user-facing error) when public ingress is on without the TLS settings its target needs.
 */
export function gatewayExposure(spec: LLMOpsStack): GatewayExposure | undefined {
  const ingress = spec.spec.network.publicIngress;
  if (!ingress.inference) return undefined;
  const tls = ingress.tls ?? {};
  if (spec.spec.target.provider === "aws") {
    if (!tls.acmCertificateArn)
      throw new MissingPlatformImageError(
        "spec.network.publicIngress.tls.acmCertificateArn is required: the public gateway's NLB terminates TLS with it",
        "/spec/network/publicIngress/tls",
      );
    return { kind: "awsNlb", acmCertificateArn: tls.acmCertificateArn, cidrs: ingress.allowedCidrs };
  }
  if (!tls.hostname)
    throw new MissingPlatformImageError(
      "spec.network.publicIngress.tls.hostname is required: the public gateway's Ingress terminates TLS for it",
      "/spec/network/publicIngress/tls",
    );
  if (!tls.clusterIssuer && !tls.secretName)
    throw new MissingPlatformImageError(
      "spec.network.publicIngress.tls.clusterIssuer or .secretName is required: the public Ingress needs a TLS certificate",
      "/spec/network/publicIngress/tls",
    );
  return {
    kind: "ingress",
    hostname: tls.hostname,
    cidrs: ingress.allowedCidrs,
    ...(tls.clusterIssuer ? { clusterIssuer: tls.clusterIssuer } : {}),
    ...(tls.secretName ? { secretName: tls.secretName } : {}),
    ...(tls.ingressClassName ? { ingressClassName: tls.ingressClassName } : {}),
  };
}

/** The Presidio services a redacting workload calls, when the stack runs them. */
function redactionServices(screening: GuardrailServices | undefined):
  | {
      analyzerUrl: pulumi.Input<string>;
      anonymizerUrl: pulumi.Input<string>;
      services: Array<{ role: string; port: number }>;
    }
  | undefined {
  const analyzerUrl = screening?.endpoints[PRESIDIO_ANALYZER_ROLE];
  const anonymizerUrl = screening?.endpoints[PRESIDIO_ANONYMIZER_ROLE];
  if (!analyzerUrl || !anonymizerUrl) return undefined;
  return {
    analyzerUrl,
    anonymizerUrl,
    services: [
      { role: PRESIDIO_ANALYZER_ROLE, port: PRESIDIO_PORT },
      { role: PRESIDIO_ANONYMIZER_ROLE, port: PRESIDIO_PORT },
    ],
  };
}

/**
 * Builds the Kubernetes workloads of a spec on a cluster: namespace guardrails, RBAC, model caches and servers, gateway, guardrail services, limiter, record sinks and the pattern's workloads.
 * @returns the outputs (gateway service, namespace, …)
 * @throws MissingPlatformImageError when an image the spec needs is absent; pulumi.InputPropertyError from a component
 */
export function composeWorkloads(spec: LLMOpsStack, context: WorkloadContext): Record<string, pulumi.Input<unknown>> {
  const name = spec.metadata.name;
  const body = spec.spec;
  const namespace = namespaceOf(spec);
  const models = selfHostedModels(spec);
  const opts = context.opts;
  // Roles the pattern workloads (ingestion, feedback review and export) call, admitted below.
  const needs = patternWorkloadNeeds(spec);

  const pipeline = pipelineCompute(spec);
  const gpuQuota = models.reduce((sum, model) => sum + model.gpu.count * model.replicas.max, 0) + pipeline.gpus;
  const sizing = new Map(models.map((model) => [model.name, modelSizing(model)]));
  // Room for every model at its maximum replicas, plus 16 CPU / 64 GiB for the gateway, sinks and vector database.
  const modelCompute = models.reduce(
    (sum, model) => {
      const size = sizing.get(model.name)!;
      return {
        cpuMilli: sum.cpuMilli + size.requests.cpuMilli * model.replicas.max,
        memoryMiB: sum.memoryMiB + size.requests.memoryMiB * model.replicas.max,
      };
    },
    { cpuMilli: 16_000 + pipeline.cpuMilli, memoryMiB: 64 * 1024 + pipeline.memoryMiB },
  );
  const guardrails = new NamespaceGuardrails(
    `${name}-namespace`,
    {
      namespace,
      gpuQuota,
      labels: { "app.kubernetes.io/part-of": name },
      compute: {
        cpu: String(Math.max(64, Math.ceil(modelCompute.cpuMilli / 1000))),
        memory: `${Math.max(256, Math.ceil(modelCompute.memoryMiB / 1024))}Gi`,
      },
    },
    opts,
  );
  const inNamespace: pulumi.ComponentResourceOptions = { ...opts, dependsOn: [guardrails] };

  // privacy.encryption.inTransit.tls: a namespace CA signs every in-cluster server's certificate;
  // servers speak TLS (natively or behind the edge-proxy image as a sidecar) and callers trust the CA.
  const transit: InClusterTls | undefined = body.privacy.encryption.inTransit.tls
    ? (() => {
        const ca = new NamespaceCa(`${name}-transit-ca`, { stack: name, namespace: guardrails.name }, inNamespace);
        return {
          issuer: ca.issuerName,
          caSecret: ca.caSecret,
          minVersion: body.privacy.encryption.inTransit.minVersion,
          proxyImage: requireImage(
            spec,
            "edgeProxy",
            "with TLS in transit, servers without a TLS flag are fronted by the edge proxy image as a TLS sidecar",
          ),
        };
      })()
    : undefined;
  const withTls = transit ? { tls: transit } : {};

  const vectorEngine =
    body.vectorStore && IN_CLUSTER_VECTOR_ENGINES.has(body.vectorStore.engine)
      ? (body.vectorStore.engine as "qdrant" | "pgvector")
      : undefined;
  const sinks = context.recordSinks;
  const proxied = egressProxyImage(spec, context);
  const tenants = vectorTenants(spec, (message, path) => new MissingPlatformImageError(message, path));
  // A managed store partitioned per tenant (target aws): each tenant's retriever and ingestion run
  // under service accounts of their own, whose IRSA roles reach that tenant's store only.
  const iamTenants = tenants && body.vectorStore && IAM_TENANCY_ENGINES.has(body.vectorStore.engine) ? tenants : [];
  const tenantIdentities: WorkloadIdentity[] = iamTenants.flatMap((tenant) =>
    (["retrieval", "ingestion"] as const).map((workload) => {
      const arn = context.awsRoleArns?.[`${workload}-${tenant.name}`];
      return {
        name: `${workload}-${tenant.name}`,
        labels: { [TENANT_LABEL]: tenant.name },
        ...(arn ? { awsRoleArn: arn } : {}),
      };
    }),
  );
  const provisionerArn = context.awsRoleArns?.[VECTOR_DB_PROVISIONER_ROLE];
  const identities: WorkloadIdentity[] = [
    { name: GATEWAY_ROLE },
    { name: "inference", ...(context.awsRoleArns?.inference ? { awsRoleArn: context.awsRoleArns.inference } : {}) },
    // The application's retriever and ingestion pods run under these identities.
    { name: "retrieval", ...(context.awsRoleArns?.retrieval ? { awsRoleArn: context.awsRoleArns.retrieval } : {}) },
    { name: "ingestion", ...(context.awsRoleArns?.ingestion ? { awsRoleArn: context.awsRoleArns.ingestion } : {}) },
    { name: "feedback", ...(context.awsRoleArns?.feedback ? { awsRoleArn: context.awsRoleArns.feedback } : {}) },
    ...(vectorEngine ? [{ name: VECTOR_DB_ROLE }] : []),
    ...tenantIdentities,
    ...(provisionerArn ? [{ name: VECTOR_DB_PROVISIONER_ROLE, awsRoleArn: provisionerArn }] : []),
    ...(sinks ? [{ name: "audit-sink" }, { name: "feedback-sink" }] : []),
    { name: "guardrails" },
    { name: LIMITER_ROLE },
    ...(hasAgentTools(spec) ? [{ name: TOOL_APPROVAL_ROLE }] : []),
    ...(proxied ? [{ name: EGRESS_PROXY_ROLE }] : []),
    ...(body.fineTuning
      ? FINE_TUNING_IDENTITIES.map((workload) => ({
          name: workload,
          ...(context.awsRoleArns?.[workload] ? { awsRoleArn: context.awsRoleArns[workload] } : {}),
        }))
      : []),
  ];
  const rbac = new WorkloadRbac(
    `${name}-identities`,
    { namespace: guardrails.name, workloads: identities },
    inNamespace,
  );
  const serviceAccount = (workload: string) => rbac.serviceAccountNames[workload]!;
  const egressProxy = proxied
    ? new EgressProxy(
        `${name}-egress-proxy`,
        {
          stack: name,
          namespace: guardrails.name,
          image: proxied,
          serviceAccountName: serviceAccount(EGRESS_PROXY_ROLE),
          allowlist: body.network.egress.allowlist,
          clientRoles: egressProxyClients(spec),
        },
        inNamespace,
      ).route
    : undefined;
  // With the stack's proxy the gateway gets no CIDR route: the proxy takes precedence.
  const apiEgressCidrs = egressProxy ? [] : context.apiEgressCidrs;
  const withProxy = egressProxy ? { egressProxy } : {};

  const outputs: Record<string, pulumi.Input<unknown>> = { namespace: guardrails.name };
  const fetcher =
    models.length > 0
      ? requireImage(spec, "modelFetcher", "self-hosted models fetch their weights by digest with it")
      : undefined;
  const autoscaling = body.platform.autoscaling;
  if (models.some((model) => model.gpu.count > 0)) {
    new GpuNodeAgents(
      `${name}-gpu-agents`,
      {
        stack: name,
        namespace: body.platform.gpu.namespace,
        dcgmExporterImage: requireImage(
          spec,
          "dcgmExporter",
          "GPU nodes export their metrics (utilisation, memory, XID errors) with it",
        ),
        ...(context.installDevicePlugin
          ? { devicePluginImage: requireImage(spec, "devicePlugin", "platform.gpu.install is devicePlugin") }
          : {}),
        monitoringNamespace: autoscaling.monitoringNamespace,
      },
      { ...opts, dependsOn: context.metricsReady ?? [] },
    );
  }
  const cacheClass =
    context.modelCacheStorageClass ?? body.platform.modelCache.storageClass ?? body.platform.storageClass;
  for (const model of models) {
    const at = `/spec/models/${body.models.indexOf(model)}`;
    if (!model.serving.image)
      throw new MissingPlatformImageError(
        `spec.models[${model.name}].serving.image is required for a self-hosted model`,
        `${at}/serving`,
      );
    if (!model.source.digest)
      throw new MissingPlatformImageError(
        `spec.models[${model.name}].source.digest is required for a self-hosted model`,
        `${at}/source`,
      );
    const limits = limitsOf(model);
    const size = sizing.get(model.name)!;
    const cache = new ModelCache(
      `${name}-${model.name}-weights`,
      {
        stack: name,
        namespace: guardrails.name,
        model: model.name,
        fetcherImage: fetcher!,
        weights: { uri: context.weightUris?.[model.name] ?? model.source.uri, digest: model.source.digest },
        weightsGiB: size.weightsGiB,
        ...(cacheClass ? { storageClass: cacheClass } : {}),
        serviceAccountName: serviceAccount("inference"),
        ...(context.awsRoleArns?.inference ? {} : { credentialsSecret: `${name}-artifact-credentials` }),
        fetchEgressCidrs: context.fetchEgressCidrs,
      },
      inNamespace,
    );
    new InferenceService(
      `${name}-${model.name}`,
      {
        stack: name,
        namespace: guardrails.name,
        model: {
          name: model.name,
          runtime: model.serving.runtime as ServingRuntime,
          gpus: model.gpu.count,
          maxInputTokens: limits.maxInputTokens,
          maxOutputTokens: limits.maxOutputTokens,
          // Admit about a second's worth of the allowed request rate at once.
          maxConcurrentRequests: Math.max(8, Math.min(256, Math.ceil(limits.requestsPerMinute / 60) * 4)),
          ...(model.reproducibility ? { seed: model.reproducibility.seed } : {}),
        },
        image: model.serving.image,
        fetcherImage: fetcher!,
        weights: { digest: model.source.digest, sizeGiB: size.weightsGiB },
        cache: { claimName: cache.claimName, modelPath: cache.modelPath },
        serviceAccountName: serviceAccount("inference"),
        ...(model.gpu.type !== "none" ? { gpuType: model.gpu.type } : {}),
        compute: size.requests,
        replicas: { min: Math.max(1, model.replicas.min), max: model.replicas.max },
        autoscaling,
        terminationGracePeriodSeconds: model.serving.terminationGracePeriodSeconds,
        allowedCallerRoles: [GATEWAY_ROLE, ...(needs.modelCallers[model.name] ?? [])],
        ...withTls,
      },
      { ...inNamespace, dependsOn: [guardrails, cache, ...(context.metricsReady ?? [])] },
    );
  }

  if (vectorEngine) {
    const database = new InClusterVectorDatabase(
      `${name}-vector-db`,
      {
        stack: name,
        namespace: guardrails.name,
        engine: vectorEngine,
        image: requireImage(spec, "vectorDatabase", `the ${vectorEngine} vector store runs in the cluster`),
        serviceAccountName: serviceAccount(VECTOR_DB_ROLE),
        credentialsSecret: `${name}-vector-db-credentials`,
        tlsSecret: `${name}-vector-db-tls`,
        clientRoles: ["retrieval", "ingestion"],
        ...(body.platform.storageClass ? { storageClass: body.platform.storageClass } : {}),
        ...(tenants && body.vectorStore
          ? {
              tenancy: {
                tenants,
                provisionerImage: requireImage(
                  spec,
                  "ingestion",
                  "the tenants' Qdrant collections are created by its provision subcommand",
                ),
                dimensions: body.vectorStore.dimensions,
                metric: body.vectorStore.metric,
              },
            }
          : {}),
        ...withTls,
      },
      inNamespace,
    );
    outputs.vectorDatabaseService = database.serviceName;
    if (tenants) {
      const issuer = tenantIssuer(spec);
      const retrieval = new TenantRetrieval(
        `${name}-tenant-retrieval`,
        {
          stack: name,
          namespace: guardrails.name,
          engine: vectorEngine,
          tenants,
          issuer,
          // The retriever verifies the store's certificate against the namespace CA, as ingestion does
          // (libpq's default sslmode, prefer, would accept any certificate).
          storeUrl:
            vectorEngine === "qdrant"
              ? `https://${VECTOR_DB_ROLE}.${namespace}.svc.cluster.local:${database.port}`
              : `postgres://${VECTOR_DB_ROLE}.${namespace}.svc.cluster.local:${database.port}${transit ? `?sslmode=verify-full&sslrootcert=${NAMESPACE_CA_FILE}` : ""}`,
        },
        inNamespace,
      );
      outputs.tenantRetrievalConfigs = retrieval.configMapNames;
    }
  }

  if (iamTenants.length > 0 && context.vectorTenancy && context.vectorStoreEndpoint) {
    const engine = body.vectorStore!.engine as IamTenantEngine;
    const issuer = tenantIssuer(spec);
    const endpoint = context.vectorStoreEndpoint;
    const retrieval = new TenantRetrieval(
      `${name}-tenant-retrieval`,
      {
        stack: name,
        namespace: guardrails.name,
        engine,
        tenants: iamTenants,
        issuer,
        // IAM authentication needs TLS (sslmode=require, as ingestion and provisioning use); the RDS CA
        // bundle is not mounted yet, so the server's certificate is not verified (docs/guardrails.md).
        storeUrl:
          engine === "auroraPgvector" ? pulumi.interpolate`postgres://${endpoint}:5432?sslmode=require` : endpoint,
        ...(engine === "opensearchServerless" ? { tenantStoreUrls: context.vectorTenancy.endpoints } : {}),
      },
      inNamespace,
    );
    outputs.tenantRetrievalConfigs = retrieval.configMapNames;
    if (engine === "auroraPgvector") {
      if (!context.vectorTenancy.masterSecretArn || !provisionerArn)
        throw new MissingPlatformImageError(
          "the Aurora store's managed master secret and the provisioner's role are required to create the tenants' databases",
          "/spec/vectorStore",
        );
      const provisioning = new AuroraTenantProvisioning(
        `${name}-vector-tenants`,
        {
          stack: name,
          namespace: guardrails.name,
          tenants: iamTenants,
          endpoint,
          masterSecretArn: context.vectorTenancy.masterSecretArn,
          image: requireImage(
            spec,
            "ingestion",
            "the tenants' Aurora databases are created by its provision subcommand",
          ),
          serviceAccountName: serviceAccount(VECTOR_DB_PROVISIONER_ROLE),
          egressCidrs: context.apiEgressCidrs,
        },
        inNamespace,
      );
      outputs.vectorTenantProvisioningJob = provisioning.jobName;
    }
  }

  const selection = guardrailSelection(spec);
  const presidio = needsPresidio(selection);
  const llmGuard = needsLlmGuard(selection);
  const screening =
    presidio || llmGuard
      ? new GuardrailServices(
          `${name}-guardrails`,
          {
            stack: name,
            namespace: guardrails.name,
            selection,
            serviceAccountName: serviceAccount("guardrails"),
            llmGuardTokenSecret: `${name}-llm-guard-token`,
            ...(presidio
              ? {
                  presidioAnalyzerImage: requireImage(
                    spec,
                    "presidioAnalyzer",
                    "the spec declares PII screening or redaction (guardrails.*.pii, privacy.piiRedaction.logs)",
                  ),
                  presidioAnonymizerImage: requireImage(
                    spec,
                    "presidioAnonymizer",
                    "the spec declares PII screening or redaction (guardrails.*.pii, privacy.piiRedaction.logs)",
                  ),
                }
              : {}),
            ...(llmGuard
              ? {
                  llmGuardImage: requireImage(
                    spec,
                    "llmGuard",
                    "the spec declares prompt-injection, toxicity or grounding screening",
                  ),
                }
              : {}),
            callerRoles: [
              GATEWAY_ROLE,
              ...(sinks && presidio ? ["audit-sink", "feedback-sink"] : []),
              ...(body.fineTuning && presidio ? [DATASET_GATE_ROLE] : []),
              ...(hasAgentTools(spec) && presidio ? [TOOL_APPROVAL_ROLE] : []),
              ...needs.presidioCallers,
            ],
            ...withTls,
          },
          inNamespace,
        )
      : undefined;
  const guardrailTargets = [
    ...(presidio
      ? [
          { role: PRESIDIO_ANALYZER_ROLE, port: PRESIDIO_PORT },
          { role: PRESIDIO_ANONYMIZER_ROLE, port: PRESIDIO_PORT },
        ]
      : []),
    ...(llmGuard ? [{ role: LLM_GUARD_ROLE, port: LLM_GUARD_PORT }] : []),
  ];
  const redaction =
    screening && selection.redactLogs
      ? {
          analyzerUrl: screening.endpoints[PRESIDIO_ANALYZER_ROLE]!,
          anonymizerUrl: screening.endpoints[PRESIDIO_ANONYMIZER_ROLE]!,
          services: guardrailTargets.filter((target) => target.role !== LLM_GUARD_ROLE),
        }
      : undefined;

  const problem = fineTuningProblem(spec);
  if (problem) throw new MissingPlatformImageError(problem.message, problem.path);
  if (body.fineTuning) {
    const why = "the fine-tuning pipeline runs its Jobs with it";
    composeFineTuning(spec, {
      name,
      namespace: guardrails.name,
      opts: inNamespace,
      images: {
        trainer: requireImage(spec, "trainer", why),
        gate: requireImage(spec, "datasetGate", why),
        evaluator: requireImage(spec, "evaluator", why),
      },
      serviceAccount,
      ...(context.fineTuning?.datasetsUri ? { datasetsUri: context.fineTuning.datasetsUri } : {}),
      ...(context.fineTuning?.registryUri ? { registryUri: context.fineTuning.registryUri } : {}),
      ...(context.fineTuning?.evidenceUri ? { evidenceUri: context.fineTuning.evidenceUri } : {}),
      ...(redactionServices(screening) ? { presidio: redactionServices(screening)! } : {}),
      ...(context.awsRoleArns?.training ? {} : { credentialsSecret: `${name}-artifact-credentials` }),
      egressCidrs: context.fetchEgressCidrs,
      ...withTls,
    });
  }

  const sinkTargets: Array<{ role: string; port: number }> = [];
  if (sinks) {
    const collector = requireImage(
      spec,
      "collector",
      "target kubernetes keeps audit and feedback records in in-cluster sinks",
    );
    const storage = body.platform.storageClass ? { storageClass: body.platform.storageClass } : {};
    // Prompt and response text in the records expires at data.retention, the records themselves at their own retention.
    const content = { prompts: body.data.retention.promptsDays, responses: body.data.retention.responsesDays };
    new RecordSink(
      `${name}-audit-sink`,
      {
        stack: name,
        namespace: guardrails.name,
        kind: "audit",
        image: collector,
        serviceAccountName: serviceAccount("audit-sink"),
        retentionDays: body.observability.audit.retentionDays,
        contentRetentionDays: content,
        producerRoles: [GATEWAY_ROLE, ...(hasAgentTools(spec) ? [TOOL_APPROVAL_ROLE] : []), ...needs.auditProducers],
        ...storage,
        ...(redaction ? { piiRedaction: redaction } : {}),
        ...withTls,
      },
      inNamespace,
    );
    sinkTargets.push({ role: "audit-sink", port: SINK_PORT });
    if (body.humanFeedback.capture.length > 0) {
      new RecordSink(
        `${name}-feedback-sink`,
        {
          stack: name,
          namespace: guardrails.name,
          kind: "feedback",
          image: collector,
          serviceAccountName: serviceAccount("feedback-sink"),
          retentionDays: body.humanFeedback.retentionDays,
          contentRetentionDays: content,
          producerRoles: [GATEWAY_ROLE, "feedback", "app", ...needs.feedbackProducers],
          ...storage,
          ...(redaction ? { piiRedaction: redaction } : {}),
          ...withTls,
        },
        inNamespace,
      );
      sinkTargets.push({ role: "feedback-sink", port: SINK_PORT });
    }
  }

  Object.assign(
    outputs,
    composePatternWorkloads(spec, {
      opts: inNamespace,
      refuse: (message, path) => new MissingPlatformImageError(message, path),
      namespace: guardrails.name,
      namespaceName: namespace,
      serviceAccount,
      image: (key, why) => requireImage(spec, key, why),
      ...(screening?.endpoints[PRESIDIO_ANALYZER_ROLE] && screening.endpoints[PRESIDIO_ANONYMIZER_ROLE]
        ? {
            presidio: {
              analyzerUrl: screening.endpoints[PRESIDIO_ANALYZER_ROLE],
              anonymizerUrl: screening.endpoints[PRESIDIO_ANONYMIZER_ROLE],
            },
          }
        : {}),
      recordSinks: sinks,
      egressCidrs: context.apiEgressCidrs,
      ...withProxy,
      ...(body.target.provider === "aws" ? { objectStoreCidrs: context.fetchEgressCidrs } : {}),
      ...(context.vectorStoreEndpoint ? { vectorStoreEndpoint: context.vectorStoreEndpoint } : {}),
      ...(context.vectorTenancy ? { vectorTenantEndpoints: context.vectorTenancy.endpoints } : {}),
      ...(context.evidenceUrl ? { evidenceUrl: context.evidenceUrl } : {}),
      ...(context.feedbackStoreUrl ? { feedbackStoreUrl: context.feedbackStoreUrl } : {}),
      ...(context.datasetUrl ? { datasetUrl: context.datasetUrl } : {}),
      ...withTls,
    }),
  );

  // Two gateway replicas (the default) share one limiter, so the spec's limits hold for the stack.
  const gatewayReplicas = 2;
  const limiter = new LimiterStore(
    `${name}-limiter`,
    {
      stack: name,
      namespace: guardrails.name,
      image: requireImage(
        spec,
        "limiterStore",
        "the gateway runs more than one replica and counts rate and token limits in a shared store",
      ),
      serviceAccountName: serviceAccount(LIMITER_ROLE),
      passwordSecret: `${name}-limiter-password`,
      ...withTls,
    },
    inNamespace,
  );
  const agentTools = composeAgentTools(spec, {
    name,
    namespace,
    namespaceInput: guardrails.name,
    opts: inNamespace,
    image: () => requireImage(spec, "toolApproval", "the agent's tool calls pass the approval queue"),
    serviceAccountName: serviceAccount(TOOL_APPROVAL_ROLE),
    gateway: { role: GATEWAY_ROLE, port: EDGE_PORT },
    callerRoles: [GATEWAY_ROLE],
    reviewerNamespaces: body.platform.gatewayClientNamespaces,
    ...(sinks
      ? {
          auditSink: {
            url: `${scheme(transit)}://audit-sink.${namespace}.svc.cluster.local:${SINK_PORT}/records`,
            role: "audit-sink",
            port: SINK_PORT,
          },
        }
      : {}),
    ...(redaction
      ? {
          presidio: {
            analyzerUrl: `${scheme(transit)}://${PRESIDIO_ANALYZER_ROLE}.${namespace}.svc.cluster.local:${PRESIDIO_PORT}`,
            anonymizerUrl: `${scheme(transit)}://${PRESIDIO_ANONYMIZER_ROLE}.${namespace}.svc.cluster.local:${PRESIDIO_PORT}`,
            services: redaction.services,
          },
        }
      : {}),
    ...withTls,
  });
  const exposure = gatewayExposure(spec);
  const disclosure = body.governance.disclosure.aiDisclosure
    ? (body.governance.disclosure.text ?? DEFAULT_DISCLOSURE)
    : undefined;
  const gateway = new Gateway(
    `${name}-gateway`,
    {
      stack: name,
      namespace: guardrails.name,
      image: requireImage(spec, "gateway", "every stack serves its models through the authenticating gateway"),
      edgeImage: requireImage(
        spec,
        "edgeProxy",
        "the gateway terminates TLS and adds the AI disclosure in its edge proxy",
      ),
      routes: body.models
        .filter((model) => model.role !== "embedding" || isSelfHosted(model))
        .map((model) => routeFor(model, namespace, transit)),
      serviceAccountName: serviceAccount(GATEWAY_ROLE),
      masterKeySecret: `${name}-gateway-master-key`,
      internalIssuer: body.platform.internalIssuer,
      tlsMinVersion: body.privacy.encryption.inTransit.minVersion,
      clientNamespaces: body.platform.gatewayClientNamespaces,
      clientRoles: ["app", "retrieval", ...(agentTools ? [AGENT_ROLE] : [])],
      ...(exposure ? { exposure } : {}),
      egressTo: [
        ...models.map((model) => ({ role: `inference-${model.name}`, port: SERVING_PORT })),
        ...guardrailTargets,
        ...sinkTargets,
        { role: LIMITER_ROLE, port: LIMITER_PORT },
        ...(agentTools?.egressTo ?? []),
      ],
      ...(agentTools ? { tools: agentTools.gateway } : {}),
      replicas: gatewayReplicas,
      limiterStore: {
        host: limiter.host,
        port: LIMITER_PORT,
        passwordSecret: `${name}-limiter-password`,
        ...(transit ? { tls: true } : {}),
      },
      ...(transit ? { upstreamTls: transit } : {}),
      apiEgressCidrs,
      ...(egressProxy && body.models.some((model) => !isSelfHosted(model)) ? withProxy : {}),
      ...(screening
        ? {
            guardrails: {
              selection,
              ...(screening.endpoints[PRESIDIO_ANALYZER_ROLE]
                ? { presidioAnalyzerUrl: screening.endpoints[PRESIDIO_ANALYZER_ROLE] }
                : {}),
              ...(screening.endpoints[PRESIDIO_ANONYMIZER_ROLE]
                ? { presidioAnonymizerUrl: screening.endpoints[PRESIDIO_ANONYMIZER_ROLE] }
                : {}),
              ...(screening.endpoints[LLM_GUARD_ROLE] ? { llmGuardUrl: screening.endpoints[LLM_GUARD_ROLE] } : {}),
              llmGuardTokenSecret: `${name}-llm-guard-token`,
            },
          }
        : {}),
      ...(disclosure !== undefined ? { disclosure } : {}),
      responseContract: {
        citations: body.explainability.citations,
        explanation: body.explainability.userFacingExplanations,
      },
      ...(sinks
        ? { auditSinkUrl: `${scheme(transit)}://audit-sink.${namespace}.svc.cluster.local:${SINK_PORT}/records` }
        : {}),
    },
    inNamespace,
  );
  outputs.gatewayService = gateway.serviceName;
  outputs.gatewayPort = GATEWAY_SERVICE_PORT;
  return outputs;
}
