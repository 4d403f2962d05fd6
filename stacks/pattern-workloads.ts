/**
 * The workloads that make a pattern what it is, composed from the spec beside the serving
 * workloads (stacks/workloads.ts): RAG ingestion per embedded data source, and the human-feedback
 * review queue with its export. Both targets run them on Kubernetes (EKS for aws).
 */
import * as pulumi from "@pulumi/pulumi";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import type { PinnedImage } from "../components/kubernetes/workload-basics.js";
import { NAMESPACE_CA_FILE, scheme, type InClusterTls } from "../components/kubernetes/transit-tls.js";
import {
  INGESTION_ROLE,
  RagIngestion,
  sourcePort,
  type IngestionSource,
} from "../components/kubernetes/rag-ingestion.js";
import { FeedbackLoop, FEEDBACK_EXPORT_ROLE, REVIEW_QUEUE_ROLE } from "../components/kubernetes/feedback-loop.js";
import { SERVING_PORT } from "../components/kubernetes/serving-runtime.js";
import type { EgressProxyRoute } from "../components/kubernetes/egress-proxy.js";
import { VECTOR_DB_ROLE, tenantRoles } from "../components/kubernetes/vector-database.js";
import { SINK_PORT } from "../components/kubernetes/record-sink.js";
import { isSelfHosted } from "./model-serving.js";
import { IAM_TENANCY_ENGINES, vectorTenants } from "./vector-tenancy.js";
import {
  PRESIDIO_ANALYZER_ROLE,
  PRESIDIO_ANONYMIZER_ROLE,
  PRESIDIO_PORT,
} from "../components/kubernetes/guardrail-services.js";

type Spec = LLMOpsStack["spec"];
type Source = Spec["data"]["sources"][number];

/** Roles of the pattern workloads, for the stores and servers that must admit them. */
export { INGESTION_ROLE, REVIEW_QUEUE_ROLE, FEEDBACK_EXPORT_ROLE };

const IN_CLUSTER_VECTOR_PORTS: Record<string, number> = { qdrant: 6333, pgvector: 5432 };
const MANAGED_VECTOR_PORTS: Record<string, number> = { auroraPgvector: 5432, opensearchServerless: 443 };

/**
 * Sources the stack embeds into its vector store: in a rag stack (pattern rag, with its
 * vectorStore), those with retrieval embedded. Other patterns' sources (fine-tuning corpora,
 * an agent's systems) are not copied into a vector store by the toolkit.
 */
export function embeddedSources(spec: LLMOpsStack): Source[] {
  if (spec.spec.pattern !== "rag" || !spec.spec.vectorStore) return [];
  return spec.spec.data.sources.filter((source) => (source.retrieval ?? "embedded") === "embedded");
}

export interface PatternWorkloadContext {
  readonly opts: pulumi.ComponentResourceOptions;
  /** The user-facing error for a spec field the workloads cannot be built without (`path`: its JSON Pointer); thrown by the caller's code. */
  readonly refuse: (message: string, path: string) => Error;
  readonly namespace: pulumi.Input<string>;
  /** The namespace's name as a plain string, for in-cluster DNS names. */
  readonly namespaceName: string;
  readonly serviceAccount: (workload: string) => pulumi.Input<string>;
  readonly image: (key: "ingestion" | "collector" | "authProxy", why: string) => PinnedImage;
  /** Presidio endpoints, when the stack runs Presidio. */
  readonly presidio?: { readonly analyzerUrl: pulumi.Input<string>; readonly anonymizerUrl: pulumi.Input<string> };
  /** In-cluster record sinks (target kubernetes): evidence goes to the audit sink, feedback lives in the feedback sink. */
  readonly recordSinks: boolean;
  /** CIDRs external sources, managed stores and the identity provider are reached through (egress proxy, or the VPC). */
  readonly egressCidrs: readonly string[];
  /**
   * The stack's own egress proxy (target kubernetes, egress allowlist). The review queue reaches
   * the identity provider through it in place of `egressCidrs`; RAG ingestion reads https sources
   * through it and keeps `egressCidrs` (if any) for sources in the private network. @default none
   */
  readonly egressProxy?: EgressProxyRoute;
  /** EKS: the S3 prefix-list ranges, for s3:// sources. */
  readonly objectStoreCidrs?: pulumi.Input<string[]>;
  /** target aws: the managed vector store's endpoint. */
  readonly vectorStoreEndpoint?: pulumi.Input<string>;
  /** target aws, a managed store partitioned per tenant: each tenant's endpoint (OpenSearch: its collection's). */
  readonly vectorTenantEndpoints?: Readonly<Record<string, pulumi.Input<string>>>;
  /** target aws: s3:// prefixes of the evidence, feedback and dataset stores. */
  readonly evidenceUrl?: pulumi.Input<string>;
  readonly feedbackStoreUrl?: pulumi.Input<string>;
  readonly datasetUrl?: pulumi.Input<string>;
  /** TLS in transit: in-cluster URLs are https and the workloads trust the namespace CA. @default none */
  readonly tls?: InClusterTls;
}

/** What the pattern workloads need the rest of the stack to admit: callers per server role. */
export interface PatternWorkloadNeeds {
  /** Roles that call each self-hosted model server (embedding servers admit ingestion). */
  readonly modelCallers: Record<string, string[]>;
  /** Producers the audit sink must admit (ingestion writes its evidence there). */
  readonly auditProducers: string[];
  /** Producers the feedback sink must admit (review queue and export). */
  readonly feedbackProducers: string[];
  /** Callers the Presidio services must admit. */
  readonly presidioCallers: string[];
}

/** The roles the pattern workloads will call, known before any resource is built. */
export function patternWorkloadNeeds(spec: LLMOpsStack): PatternWorkloadNeeds {
  const sources = embeddedSources(spec);
  const embedding = spec.spec.models.find((model) => model.role === "embedding");
  const feedback = spec.spec.humanFeedback.reviewQueue.enabled;
  return {
    modelCallers:
      sources.length > 0 && embedding && isSelfHosted(embedding) ? { [embedding.name]: [INGESTION_ROLE] } : {},
    auditProducers: sources.length > 0 ? [INGESTION_ROLE] : [],
    feedbackProducers: feedback ? [REVIEW_QUEUE_ROLE, FEEDBACK_EXPORT_ROLE] : [],
    presidioCallers: sources.some((source) => needsPresidio(source)) ? [INGESTION_ROLE] : [],
  };
}

function needsPresidio(source: Source): boolean {
  return (
    source.containsPersonalData ||
    (source.specialCategoryData ?? []).length > 0 ||
    source.qualityChecks.includes("piiScan")
  );
}

/** Builds the ingestion CronJobs and the feedback loop the spec declares; returns their outputs. */
export function composePatternWorkloads(
  spec: LLMOpsStack,
  context: PatternWorkloadContext,
): Record<string, pulumi.Input<unknown>> {
  const name = spec.metadata.name;
  const body = spec.spec;
  const ns = context.namespaceName;
  const http = scheme(context.tls);
  const withTls = context.tls ? { tls: context.tls } : {};
  const outputs: Record<string, pulumi.Input<unknown>> = {};
  const sources = embeddedSources(spec);
  const engine = body.vectorStore?.engine;
  const inCluster = engine ? IN_CLUSTER_VECTOR_PORTS[engine] : undefined;
  // A managed engine has an endpoint only where it is built (target aws); elsewhere the store is
  // refused by LLM-PLAT-003 and there is nothing to ingest into.
  // With TLS in transit the in-cluster pgvector admits only hostssl sessions: libpq verifies the
  // server against the namespace CA the ingestion pods mount (sslmode verify-full).
  const pgTls = context.tls ? `?sslmode=verify-full&sslrootcert=${NAMESPACE_CA_FILE}` : "";
  const storeUrl =
    engine && inCluster
      ? `${engine === "qdrant" ? "https" : "postgres"}://${VECTOR_DB_ROLE}.${ns}.svc.cluster.local:${inCluster}${engine === "pgvector" ? pgTls : ""}`
      : context.vectorStoreEndpoint;
  if (sources.length > 0 && engine && storeUrl) {
    const embedding = body.models.find((model) => model.role === "embedding");
    if (!embedding)
      throw context.refuse(
        "an embedding model (spec.models[] with role: embedding) is required: embedded data sources are embedded with it",
        "/spec/models",
      );
    if (!isSelfHosted(embedding) || !embedding.source.digest) {
      throw context.refuse(
        `spec.models[${embedding.name}] must be self-hosted and pinned by digest: ingestion embeds with exactly the declared weights`,
        `/spec/models/${body.models.indexOf(embedding)}`,
      );
    }
    const ingestion: IngestionSource[] = sources.map((source) => {
      const at = `/spec/data/sources/${body.data.sources.indexOf(source)}`;
      if (!source.uri)
        throw context.refuse(
          `spec.data.sources[${source.name}].uri is required: its ingestion reads the source there`,
          at,
        );
      if (!source.freshnessSla)
        throw context.refuse(
          `spec.data.sources[${source.name}].freshnessSla is required: the ingestion schedule is derived from it`,
          at,
        );
      return {
        name: source.name,
        kind: source.kind,
        uri: source.uri,
        freshnessSla: source.freshnessSla,
        qualityChecks: source.qualityChecks,
        personalData: source.containsPersonalData || (source.specialCategoryData ?? []).length > 0,
        ...(source.lineage ? { datasetVersion: source.lineage.datasetVersion } : {}),
      };
    });
    const evidenceUrl =
      context.evidenceUrl ??
      (context.recordSinks ? `${http}://audit-sink.${ns}.svc.cluster.local:${SINK_PORT}/records` : undefined);
    if (!evidenceUrl) throw context.refuse("data-quality evidence has no store on this target", "/spec/data/sources");
    if (context.egressCidrs.length === 0 && !context.egressProxy) {
      throw context.refuse(
        "spec.platform.egressProxyCidrs is required: embedded data sources are read through the egress proxy (target kubernetes)",
        "/spec/platform",
      );
    }
    const presidio = sources.some(needsPresidio) ? context.presidio : undefined;
    if (sources.some(needsPresidio) && !presidio) {
      throw context.refuse(
        "Presidio is required: an embedded source holds personal data or declares piiScan (enable guardrails.input.pii or privacy.piiRedaction.logs so the stack runs it)",
        "/spec/guardrails",
      );
    }
    // Tenancy: each source is written into its tenant's store with that tenant's credential only.
    const tenants = vectorTenants(spec, context.refuse);
    const tenantOf = new Map(sources.map((source) => [source.name, source.tenant]));
    // One component per source, so each embedded source is named in the plan tree.
    const cronJobs: Record<string, pulumi.Input<string>> = {};
    for (const source of ingestion) {
      const tenantName = tenantOf.get(source.name);
      const tenant = tenants?.find((candidate) => candidate.name === tenantName);
      if (tenants && !tenant) {
        throw context.refuse(
          `spec.data.sources[${source.name}].tenant must name one of vectorStore.tenants: with tenancy ${body.vectorStore?.tenancy} every embedded source is written into one tenant's store`,
          `/spec/data/sources/${body.data.sources.findIndex((candidate) => candidate.name === source.name)}`,
        );
      }
      const credentialKey = engine === "qdrant" ? "api-key" : "password";
      // target aws, a managed store per tenant: the tenant's own service account (its IRSA role
      // reaches this tenant's collection or database user only) and the tenant's endpoint.
      const iamTenant = tenant && IAM_TENANCY_ENGINES.has(engine) ? tenant : undefined;
      const managedUrl = iamTenant
        ? engine === "auroraPgvector"
          ? pulumi.interpolate`postgres://${tenantRoles(iamTenant.name).writer}@${context.vectorStoreEndpoint!}:5432/${iamTenant.store}?sslmode=require`
          : context.vectorTenantEndpoints?.[iamTenant.name]
        : undefined;
      if (iamTenant && !managedUrl)
        throw context.refuse(
          `the store of tenant ${iamTenant.name} has no endpoint on this target`,
          "/spec/vectorStore",
        );
      const rag = new RagIngestion(
        `${name}-ingest-${source.name}`,
        {
          stack: name,
          namespace: context.namespace,
          image: context.image("ingestion", "embedded data sources are ingested, checked and published with it"),
          serviceAccountName: context.serviceAccount(
            iamTenant ? `${INGESTION_ROLE}-${iamTenant.name}` : INGESTION_ROLE,
          ),
          sources: [source],
          embedding: {
            model: embedding.name,
            digest: embedding.source.digest,
            url: `${http}://inference-${embedding.name}.${ns}.svc.cluster.local:${SERVING_PORT}/v1`,
          },
          vectorStore: {
            // pgvector: the tenant's database, as its writer role (table named like it); Qdrant: the tenant's collection.
            engine,
            url:
              managedUrl ??
              (tenant && engine === "pgvector"
                ? `postgres://${tenantRoles(tenant.name).writer}@${VECTOR_DB_ROLE}.${ns}.svc.cluster.local:${inCluster}/${tenant.store}${pgTls}`
                : storeUrl),
            collection: tenant?.store ?? name,
            ...(inCluster
              ? {
                  credentials: {
                    secret: tenant?.ingestionSecret ?? `${name}-vector-db-credentials`,
                    key: credentialKey,
                  },
                }
              : {}),
          },
          ...(tenant ? { tenant: tenant.name } : {}),
          evidenceUrl,
          ...(presidio ? { presidio } : {}),
          egressTo: [
            { role: `inference-${embedding.name}`, port: SERVING_PORT },
            ...(inCluster ? [{ role: VECTOR_DB_ROLE, port: inCluster }] : []),
            ...(context.recordSinks ? [{ role: "audit-sink", port: SINK_PORT }] : []),
            ...(presidio
              ? [
                  { role: PRESIDIO_ANALYZER_ROLE, port: PRESIDIO_PORT },
                  { role: PRESIDIO_ANONYMIZER_ROLE, port: PRESIDIO_PORT },
                ]
              : []),
          ],
          egressCidrs: context.egressCidrs,
          ...(context.egressProxy ? { egressProxy: context.egressProxy } : {}),
          egressPorts: [
            ...new Set([
              sourcePort(source.uri),
              ...(inCluster ? [] : [MANAGED_VECTOR_PORTS[engine] ?? 443]),
              ...(context.evidenceUrl ? [443] : []),
            ]),
          ],
          ...(context.objectStoreCidrs ? { objectStoreCidrs: context.objectStoreCidrs } : {}),
          ...withTls,
        },
        context.opts,
      );
      Object.assign(cronJobs, rag.cronJobNames);
    }
    outputs.ingestionCronJobs = cronJobs;
  }

  const feedback = body.humanFeedback;
  if (feedback.reviewQueue.enabled) {
    const issuer = body.access.identityProvider.issuer;
    if (body.access.identityProvider.type !== "oidc" || !issuer) {
      throw context.refuse(
        "spec.access.identityProvider must be oidc with an issuer: reviewers sign in to the review queue through it",
        "/spec/access/identityProvider",
      );
    }
    const storeUrl =
      context.feedbackStoreUrl ??
      (context.recordSinks ? `${http}://feedback-sink.${ns}.svc.cluster.local:${SINK_PORT}/records` : undefined);
    const datasetUrl =
      context.datasetUrl ??
      (context.recordSinks ? `${http}://feedback-sink.${ns}.svc.cluster.local:${SINK_PORT}/datasets` : undefined);
    if (!storeUrl || !datasetUrl)
      throw context.refuse("the feedback store has no endpoint on this target", "/spec/humanFeedback");
    const loop = new FeedbackLoop(
      `${name}-feedback-loop`,
      {
        stack: name,
        namespace: context.namespace,
        collectorImage: context.image(
          "collector",
          "the feedback review queue and its export run the collector's review and export subcommands",
        ),
        authProxyImage: context.image(
          "authProxy",
          "reviewers sign in to the feedback review queue through oauth2-proxy",
        ),
        serviceAccountName: context.serviceAccount("feedback"),
        storeUrl,
        datasetUrl,
        oidcIssuer: issuer,
        oidcClientSecret: `${name}-review-queue-oidc`,
        reviewerRoles: feedback.accessRoles,
        reviewSlaHours: feedback.reviewQueue.slaHours,
        retentionDays: feedback.retentionDays,
        dataset: feedback.export?.dataset ?? `${name}-feedback`,
        exportIntervalHours: feedback.export?.intervalHours ?? 24,
        storeTargets: context.recordSinks ? [{ role: "feedback-sink", port: SINK_PORT }] : [],
        // The identity provider (and a managed store) through the stack's proxy when it has one.
        ...(context.egressProxy ? { egressProxy: context.egressProxy } : { egressCidrs: context.egressCidrs }),
        ...withTls,
      },
      context.opts,
    );
    outputs.reviewQueueService = loop.reviewQueueService;
    outputs.feedbackExportCronJob = loop.exportCronJob;
  }
  return outputs;
}
