/**
 * The Kubernetes workloads of a stack, on any cluster: namespace guardrails, workload
 * identities, one inference service per self-hosted model, the gateway, an in-cluster
 * vector database when the engine is Qdrant or pgvector, and record sinks when the
 * platform has no managed audit and feedback stores (target kubernetes).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import { NamespaceGuardrails } from "../components/kubernetes/namespace-guardrails.js";
import { WorkloadRbac, type WorkloadIdentity } from "../components/kubernetes/workload-rbac.js";
import { InferenceService, type PinnedImage } from "../components/kubernetes/inference-service.js";
import { GATEWAY_PORT, GATEWAY_ROLE, Gateway, type GatewayRoute } from "../components/kubernetes/gateway.js";
import { InClusterVectorDatabase, VECTOR_DB_ROLE } from "../components/kubernetes/vector-database.js";
import { RecordSink, SINK_PORT } from "../components/kubernetes/record-sink.js";
import { SERVING_PORT, type ServingRuntime } from "../components/kubernetes/serving-runtime.js";

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
  /** Deploy in-cluster audit and feedback sinks (no managed stores). */
  readonly recordSinks: boolean;
}

/**
 * A spec field the workloads cannot be built without. `path` is its JSON Pointer (or its
 * parent's, when the field is absent), so a caller can match the spec check that knows it.
 */
export class MissingPlatformImageError extends Error {
  readonly userFacing = true as const;
  constructor(message: string, readonly path: string) {
    super(message);
    this.name = "MissingPlatformImageError";
  }
}

const SELF_HOSTED = new Set(["vllm", "tgi", "triton"]);
export const IN_CLUSTER_VECTOR_ENGINES = new Set(["qdrant", "pgvector"]);

function requireImage(spec: LLMOpsStack, key: "gateway" | "vectorDatabase" | "modelFetcher" | "collector", why: string): PinnedImage {
  const image = spec.spec.platform.images[key];
  if (!image) throw new MissingPlatformImageError(`spec.platform.images.${key} is required: ${why}`, "/spec/platform/images");
  return image;
}

export function selfHostedModels(spec: LLMOpsStack): Model[] {
  return spec.spec.models.filter((model) => SELF_HOSTED.has(model.serving.runtime));
}

export function namespaceOf(spec: LLMOpsStack): string {
  return spec.spec.target.kubernetes?.namespace ?? spec.metadata.name;
}

/** The gateway's route for a model: in-cluster servers, Bedrock, or an external API behind the proxy. */
function routeFor(model: Model, namespace: string): GatewayRoute {
  const limits = model.limits ?? { maxInputTokens: 4096, maxOutputTokens: 512, requestsPerMinute: 60 };
  const common = {
    model: model.name,
    requestsPerMinute: limits.requestsPerMinute,
    maxInputTokens: limits.maxInputTokens,
    maxOutputTokens: limits.maxOutputTokens,
    ...(limits.tokensPerMinute ? { tokensPerMinute: limits.tokensPerMinute } : {}),
  };
  if (SELF_HOSTED.has(model.serving.runtime)) return { ...common, apiBase: `http://inference-${model.name}.${namespace}.svc.cluster.local:${SERVING_PORT}/v1` };
  if (model.source.type === "bedrock") {
    const id = model.source.uri.replace(/^bedrock:\/\//, "");
    return { ...common, upstreamModel: `bedrock/${model.source.version ? `${id}-${model.source.version}` : id}` };
  }
  return { ...common, apiBase: model.source.uri };
}

export function composeWorkloads(spec: LLMOpsStack, context: WorkloadContext): Record<string, pulumi.Input<unknown>> {
  const name = spec.metadata.name;
  const body = spec.spec;
  const namespace = namespaceOf(spec);
  const models = selfHostedModels(spec);
  const opts = context.opts;

  const gpuQuota = models.reduce((sum, model) => sum + model.gpu.count * model.replicas.max, 0);
  const guardrails = new NamespaceGuardrails(`${name}-namespace`, { namespace, gpuQuota, labels: { "app.kubernetes.io/part-of": name } }, opts);
  const inNamespace: pulumi.ComponentResourceOptions = { ...opts, dependsOn: [guardrails] };

  const vectorEngine = body.vectorStore && IN_CLUSTER_VECTOR_ENGINES.has(body.vectorStore.engine) ? (body.vectorStore.engine as "qdrant" | "pgvector") : undefined;
  const sinks = context.recordSinks;
  const identities: WorkloadIdentity[] = [
    { name: GATEWAY_ROLE },
    { name: "inference", ...(context.awsRoleArns?.inference ? { awsRoleArn: context.awsRoleArns.inference } : {}) },
    // The application's retriever and ingestion pods run under these identities.
    { name: "retrieval", ...(context.awsRoleArns?.retrieval ? { awsRoleArn: context.awsRoleArns.retrieval } : {}) },
    { name: "ingestion", ...(context.awsRoleArns?.ingestion ? { awsRoleArn: context.awsRoleArns.ingestion } : {}) },
    { name: "feedback", ...(context.awsRoleArns?.feedback ? { awsRoleArn: context.awsRoleArns.feedback } : {}) },
    ...(vectorEngine ? [{ name: VECTOR_DB_ROLE }] : []),
    ...(sinks ? [{ name: "audit-sink" }, { name: "feedback-sink" }] : []),
  ];
  const rbac = new WorkloadRbac(`${name}-identities`, { namespace: guardrails.name, workloads: identities }, inNamespace);
  const serviceAccount = (workload: string) => rbac.serviceAccountNames[workload]!;

  const outputs: Record<string, pulumi.Input<unknown>> = { namespace: guardrails.name };
  const fetcher = models.length > 0 ? requireImage(spec, "modelFetcher", "self-hosted models fetch their weights by digest with it") : undefined;
  for (const model of models) {
    const at = `/spec/models/${body.models.indexOf(model)}`;
    if (!model.serving.image) throw new MissingPlatformImageError(`spec.models[${model.name}].serving.image is required for a self-hosted model`, `${at}/serving`);
    if (!model.source.digest) throw new MissingPlatformImageError(`spec.models[${model.name}].source.digest is required for a self-hosted model`, `${at}/source`);
    const limits = model.limits ?? { maxInputTokens: 4096, maxOutputTokens: 512, requestsPerMinute: 60 };
    new InferenceService(`${name}-${model.name}`, {
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
      weights: { uri: context.weightUris?.[model.name] ?? model.source.uri, digest: model.source.digest },
      serviceAccountName: serviceAccount("inference"),
      ...(context.awsRoleArns?.inference ? {} : { credentialsSecret: `${name}-artifact-credentials` }),
      ...(model.gpu.type !== "none" ? { gpuType: model.gpu.type } : {}),
      replicas: { min: Math.max(1, model.replicas.min), max: model.replicas.max },
      allowedCallerRoles: [GATEWAY_ROLE],
      fetchEgressCidrs: context.fetchEgressCidrs,
    }, inNamespace);
  }

  if (vectorEngine) {
    const database = new InClusterVectorDatabase(`${name}-vector-db`, {
      stack: name,
      namespace: guardrails.name,
      engine: vectorEngine,
      image: requireImage(spec, "vectorDatabase", `the ${vectorEngine} vector store runs in the cluster`),
      serviceAccountName: serviceAccount(VECTOR_DB_ROLE),
      credentialsSecret: `${name}-vector-db-credentials`,
      tlsSecret: `${name}-vector-db-tls`,
      clientRoles: ["retrieval", "ingestion"],
      ...(body.platform.storageClass ? { storageClass: body.platform.storageClass } : {}),
    }, inNamespace);
    outputs.vectorDatabaseService = database.serviceName;
  }

  const sinkTargets: Array<{ role: string; port: number }> = [];
  if (sinks) {
    const collector = requireImage(spec, "collector", "target kubernetes keeps audit and feedback records in in-cluster sinks");
    const storage = body.platform.storageClass ? { storageClass: body.platform.storageClass } : {};
    new RecordSink(`${name}-audit-sink`, {
      stack: name, namespace: guardrails.name, kind: "audit", image: collector, serviceAccountName: serviceAccount("audit-sink"),
      retentionDays: body.observability.audit.retentionDays, producerRoles: [GATEWAY_ROLE], ...storage,
    }, inNamespace);
    sinkTargets.push({ role: "audit-sink", port: SINK_PORT });
    if (body.humanFeedback.capture.length > 0) {
      new RecordSink(`${name}-feedback-sink`, {
        stack: name, namespace: guardrails.name, kind: "feedback", image: collector, serviceAccountName: serviceAccount("feedback-sink"),
        retentionDays: body.humanFeedback.retentionDays, producerRoles: [GATEWAY_ROLE, "feedback", "app"], ...storage,
      }, inNamespace);
      sinkTargets.push({ role: "feedback-sink", port: SINK_PORT });
    }
  }

  const gateway = new Gateway(`${name}-gateway`, {
    stack: name,
    namespace: guardrails.name,
    image: requireImage(spec, "gateway", "every stack serves its models through the authenticating gateway"),
    routes: body.models.filter((model) => model.role !== "embedding" || SELF_HOSTED.has(model.serving.runtime)).map((model) => routeFor(model, namespace)),
    serviceAccountName: serviceAccount(GATEWAY_ROLE),
    masterKeySecret: `${name}-gateway-master-key`,
    clientNamespaces: body.platform.gatewayClientNamespaces,
    clientRoles: ["app", "retrieval"],
    public: body.network.publicIngress.inference,
    ...(body.network.publicIngress.inference ? { publicCidrs: body.network.publicIngress.allowedCidrs } : {}),
    egressTo: [...models.map((model) => ({ role: `inference-${model.name}`, port: SERVING_PORT })), ...sinkTargets],
    apiEgressCidrs: context.apiEgressCidrs,
    egressAllowlist: body.network.egress.allowlist,
  }, inNamespace);
  outputs.gatewayService = gateway.serviceName;
  outputs.gatewayPort = GATEWAY_PORT;
  return outputs;
}
