/**
 * RAG ingestion: one Kubernetes CronJob per data source the spec embeds into the vector store
 * (on any cluster, and on EKS for target aws). Each run reads the source, runs its declared
 * quality checks, redacts PII when the source holds personal data, embeds the records with the
 * declared embedding model and writes them to the stack's collection.
 *
 * A failed quality check does not publish. The steps are init containers, which Kubernetes
 * runs one after another, each only after the previous one exited 0; with restartPolicy Never
 * and backoffLimit 0 a failing step fails the pod and the Job, and the `publish` container (the
 * only one with the vector store's credentials) never starts:
 *
 *   fetch   reads the source into an emptyDir staging volume, notes its dataset version;
 *   check   runs the declared checks (Great Expectations suites for schema, nulls, duplicates,
 *           freshness, drift; Presidio's analyzer for piiScan), writes the results as an
 *           EvaluationEvidence document (results.dataQuality, bound to the embedding model's
 *           digest and the source's dataset version) to the evidence store, then exits 1 if any
 *           check failed;
 *   redact  (personal data only) replaces PII through Presidio's anonymizer;
 *   publish embeds the checked records and writes them into a new version of the collection,
 *           then moves the collection alias, so readers never see half a version. For a tenant
 *           (`tenant`), it writes with that tenant's credential only, which reaches the tenant's
 *           collection or database and nothing else: it cannot create collections or move
 *           aliases, so it writes the version in place (`--in-place`: points carry the dataset
 *           version, older versions' points are deleted once the new one is written).
 *   provision (not run here; the vector database's provisioning Job, vector-database.ts) creates
 *           the tenants' Qdrant collections with the API key: `provision --vector-store qdrant
 *           --vector-store-url URL --dimensions N --metric M --grants FILE --collection NAME...`.
 *
 * The ingestion image (platform.images.ingestion) provides those four subcommands. It is the
 * organisation's build of Great Expectations (GX Core, Apache-2.0, maintained by Great
 * Expectations Inc.) with the vector store clients, pinned by digest; chosen over Soda Core
 * because its expectation suites are plain JSON kept beside the spec and it runs offline with
 * no cloud account. PII detection and redaction reuse the stack's Presidio services (Microsoft
 * Presidio, MIT), already pinned by digest in platform.images.
 *
 * Schedule rule (ingestionSchedule): the data an answer is grounded in can be as old as the gap
 * between two scheduled starts plus the run's time limit (activeDeadlineSeconds, after which
 * Kubernetes stops the Job). The component gives a run a quarter of the freshness SLA, between
 * one minute and one hour, and schedules the longest regular cadence (a divisor of an hour or a
 * day, at most daily) whose gap fits in the rest. The runtime check LLM-CTRL-020 applies the same
 * rule to any CronJob.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { proxyEgressRule, proxyEnv, type EgressProxyRoute } from "./egress-proxy.js";
import {
  forbidCronJobSpec,
  imageRef,
  requirePinnedDigest,
  restrictedJobPodSpec,
  roleEgressRules,
  type PinnedImage,
} from "./workload-basics.js";
import { restrictedContainerSecurityContext, workloadLabels } from "./pod-security.js";
import { TENANT_LABEL } from "./vector-database.js";
import { caTrust, type InClusterTls } from "./transit-tls.js";

export const INGESTION_ROLE = "ingestion";

/** Cadences a cron expression can keep exactly, in minutes (divisors of an hour, then of a day). */
const CADENCES_MINUTES = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440] as const;

/** The schedule of one source's ingestion, from its freshness SLA. */
export interface IngestionSchedule {
  /** Five-field cron expression (UTC). */
  readonly schedule: string;
  /** Time limit of one run, in seconds. */
  readonly activeDeadlineSeconds: number;
  /** Longest gap between two scheduled starts, in seconds. */
  readonly gapSeconds: number;
  /** Worst-case age of the published data: gapSeconds + activeDeadlineSeconds (≤ the SLA). */
  readonly maxStalenessSeconds: number;
}

/** Seconds in an ISO 8601 duration of weeks, days, hours, minutes and seconds (P1D, PT5M, PT1H30M). Throws on any other shape. */
export function isoDurationSeconds(duration: string): number {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!match || duration === "P" || duration.endsWith("T"))
    throw new Error(`not an ISO 8601 duration of weeks, days, hours, minutes and seconds: ${duration}`);
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds;
}

/** A stable minute offset per source, so that daily and hourly runs of several sources do not all start at once. */
function minuteOffset(source: string): number {
  let hash = 0;
  for (const character of source) hash = (hash * 31 + character.charCodeAt(0)) % 1_000_003;
  return hash % 60;
}

/**
 * The cron schedule and run time limit that keep a freshness SLA (rule in the header). Throws
 * pulumi.InputPropertyError (propertyPath `sources[name].freshnessSla`) when the SLA is too short
 * for scheduled ingestion: under 120 seconds no one-minute cadence plus a one-minute run fits
 * (the spec check LLM-DATA-013 refuses such sources earlier, at its org-tunable floor).
 */
export function ingestionSchedule(source: string, freshnessSlaSeconds: number): IngestionSchedule {
  const deadline = Math.min(3600, Math.max(60, Math.floor(freshnessSlaSeconds / 4 / 60) * 60));
  const budgetMinutes = Math.floor((freshnessSlaSeconds - deadline) / 60);
  const cadence = [...CADENCES_MINUTES].reverse().find((minutes) => minutes <= budgetMinutes);
  if (cadence === undefined) {
    throw new pulumi.InputPropertyError({
      propertyPath: `sources[${source}].freshnessSla`,
      reason: `a freshness SLA of ${freshnessSlaSeconds} s is too short for scheduled ingestion (a one-minute cadence plus a one-minute run needs 120 s); query the source live (retrieval: queried)`,
    });
  }
  const offset = minuteOffset(source);
  const schedule =
    cadence < 60
      ? `*/${cadence} * * * *`
      : cadence === 60
        ? `${offset} * * * *`
        : cadence < 1440
          ? `${offset} */${cadence / 60} * * *`
          : `${offset} ${offset % 24} * * *`;
  return {
    schedule,
    activeDeadlineSeconds: deadline,
    gapSeconds: cadence * 60,
    maxStalenessSeconds: cadence * 60 + deadline,
  };
}

/** One source to ingest, as the spec declares it. */
export interface IngestionSource {
  /** data.sources[].name (a DNS label). */
  readonly name: string;
  /** data.sources[].kind. */
  readonly kind: string;
  /** Where the source is read from; the CronJob hands exactly this string to `fetch --source`. */
  readonly uri: string;
  /** data.sources[].freshnessSla (ISO 8601 duration). */
  readonly freshnessSla: string;
  /** data.sources[].qualityChecks, run by `check` in this order. */
  readonly qualityChecks: readonly string[];
  /** containsPersonalData (or any special-category data): adds the `redact` step. */
  readonly personalData: boolean;
  /** lineage.datasetVersion, the expected version prefix recorded with the evidence. @default none */
  readonly datasetVersion?: string;
}

export interface RagIngestionArgs {
  /** Stack name (labels). */
  readonly stack: string;
  /** Namespace the objects are created in. */
  readonly namespace: pulumi.Input<string>;
  /** Ingestion runner image (fetch, check, redact, publish), pinned by digest. */
  readonly image: PinnedImage;
  /** Service account of the ingestion pods (role `ingestion`; IRSA on EKS). */
  readonly serviceAccountName: pulumi.Input<string>;
  /** Sources to ingest; at least one. */
  readonly sources: readonly IngestionSource[];
  /** The declared embedding model: its name, weights digest and OpenAI-compatible base URL. */
  readonly embedding: { readonly model: string; readonly digest: string; readonly url: pulumi.Input<string> };
  /** The vector store: engine, URL and the collection the tenant's records are written to. */
  readonly vectorStore: {
    readonly engine: string;
    readonly url: pulumi.Input<string>;
    readonly collection: string;
    readonly credentials?: { readonly secret: string; readonly key: string };
  };
  /** Where `check` writes its data-quality evidence (an http(s) records endpoint or an s3:// prefix). */
  readonly evidenceUrl: pulumi.Input<string>;
  /** Presidio analyzer and anonymizer URLs; required when a source holds personal data or declares piiScan. @default none */
  readonly presidio?: { readonly analyzerUrl: pulumi.Input<string>; readonly anonymizerUrl: pulumi.Input<string> };
  /** In-cluster services the runs call (embedding server, vector database, Presidio, evidence sink), by role and port. */
  readonly egressTo: ReadonlyArray<{ readonly role: string; readonly port: number }>;
  /** CIDRs the sources (and any managed store) are reached through: the egress proxy, or the VPC's private endpoints. */
  readonly egressCidrs: readonly string[];
  /**
   * The stack's own egress proxy (EgressProxy.route): https sources are read through it (HTTPS_PROXY
   * and NO_PROXY on every step) and the egress policy admits the proxy pods; `egressCidrs` may
   * still open private-network sources (a Kafka broker) on their ports. @default none
   */
  readonly egressProxy?: EgressProxyRoute;
  /** Ports opened towards egressCidrs. @default the sources' URI ports (443 when none) */
  readonly egressPorts?: readonly number[];
  /** EKS: the S3 gateway endpoint's address ranges, opened on 443 when a source is an s3:// URI. @default none */
  readonly objectStoreCidrs?: pulumi.Input<string[]>;
  /** Size limit of the staging volume. @default "20Gi" */
  readonly stagingSize?: string;
  /** The tenant whose collection or database the sources are written into (vectorStore.credentials must then be that tenant's). Labels the CronJobs and pods `llmops.dev/tenant`. @default none (the stack's one store) */
  readonly tenant?: string;
  /** Every step trusts the namespace CA (the stack's servers speak TLS; the combined bundle keeps the system roots for the sources). @default none */
  readonly tls?: InClusterTls;
}

/** Default port of a source URI's scheme when it names none. */
const SCHEME_PORTS: Record<string, number> = {
  "https:": 443,
  "s3:": 443,
  "kafka:": 9093,
  "postgres:": 5432,
  "postgresql:": 5432,
  "mysql:": 3306,
};

/** The TCP port a source URI is read on: its explicit port, the scheme's default, else 443. */
export function sourcePort(uri: string): number {
  try {
    const url = new URL(uri);
    return url.port ? Number(url.port) : (SCHEME_PORTS[url.protocol] ?? 443);
  } catch {
    return 443;
  }
}

/** Checks the arguments; throws pulumi.InputPropertyError naming the property. */
export function validateRagIngestionArgs(args: RagIngestionArgs): void {
  if (args.sources.length === 0)
    throw new pulumi.InputPropertyError({ propertyPath: "sources", reason: "at least one source to ingest" });
  requirePinnedDigest(args.image.digest, "image.digest", "the ingestion image must be pinned by sha256 digest");
  requirePinnedDigest(args.embedding.digest, "embedding.digest", "the embedding model must be pinned by sha256 digest");
  if (args.egressCidrs.length === 0 && !args.egressProxy)
    throw new pulumi.InputPropertyError({
      propertyPath: "egressCidrs",
      reason: "the sources must be reachable through declared egress (the egress proxy or the VPC)",
    });
  for (const source of args.sources) {
    if ((source.personalData || source.qualityChecks.includes("piiScan")) && !args.presidio) {
      throw new pulumi.InputPropertyError({
        propertyPath: "presidio",
        reason: `source ${source.name} needs PII screening or redaction through Presidio`,
      });
    }
    ingestionSchedule(source.name, isoDurationSeconds(source.freshnessSla));
  }
}

/** The ingestion CronJobs, and the NetworkPolicy that opens their egress. */
export class RagIngestion extends pulumi.ComponentResource {
  /** CronJob name per source name. */
  readonly cronJobNames: Record<string, pulumi.Output<string>>;

  constructor(name: string, args: RagIngestionArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:RagIngestion", name, args, opts);
    validateRagIngestionArgs(args);
    const parent = { parent: this };
    const labels = {
      ...workloadLabels(args.stack, INGESTION_ROLE),
      ...(args.tenant ? { [TENANT_LABEL]: args.tenant } : {}),
    };
    const image = imageRef(args.image);
    const trust = args.tls ? caTrust(args.tls) : undefined;
    const container = (
      step: string,
      stepArgs: pulumi.Input<string>[],
      stepEnv: k8s.types.input.core.v1.EnvVar[] = [],
    ) => {
      const env = [...stepEnv, ...(trust?.env ?? []), ...(args.egressProxy ? proxyEnv(args.egressProxy) : [])];
      return {
        name: step,
        image,
        args: [step, ...stepArgs],
        ...(env.length > 0 ? { env } : {}),
        resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "2", memory: "4Gi" } },
        securityContext: restrictedContainerSecurityContext(),
        volumeMounts: [
          { name: "staging", mountPath: "/staging" },
          { name: "tmp", mountPath: "/tmp" },
          ...(trust?.mounts ?? []),
        ],
      };
    };
    this.cronJobNames = {};
    for (const source of args.sources) {
      const timing = ingestionSchedule(source.name, isoDurationSeconds(source.freshnessSla));
      const cleanDir = source.personalData ? "/staging/redacted" : "/staging/raw";
      const steps = [
        container("fetch", [
          "--source",
          source.uri,
          "--kind",
          source.kind,
          "--dest",
          "/staging/raw",
          "--version-file",
          "/staging/dataset-version",
        ]),
        container("check", [
          "--input",
          "/staging/raw",
          "--source-name",
          source.name,
          "--checks",
          source.qualityChecks.join(","),
          "--version-file",
          "/staging/dataset-version",
          ...(source.datasetVersion ? ["--expected-version", source.datasetVersion] : []),
          "--max-age",
          source.freshnessSla,
          ...(args.presidio && source.qualityChecks.includes("piiScan")
            ? ["--presidio-analyzer", args.presidio.analyzerUrl]
            : []),
          "--evidence-model",
          args.embedding.model,
          "--evidence-model-digest",
          args.embedding.digest,
          "--evidence-url",
          args.evidenceUrl,
          "--fail-on-any",
        ]),
        ...(source.personalData && args.presidio
          ? [
              container("redact", [
                "--input",
                "/staging/raw",
                "--output",
                cleanDir,
                "--presidio-analyzer",
                args.presidio.analyzerUrl,
                "--presidio-anonymizer",
                args.presidio.anonymizerUrl,
              ]),
            ]
          : []),
      ];
      const publish = container(
        "publish",
        [
          "--input",
          cleanDir,
          "--version-file",
          "/staging/dataset-version",
          "--source-name",
          source.name,
          "--embedder",
          args.embedding.url,
          "--embedding-model",
          args.embedding.model,
          "--vector-store",
          args.vectorStore.engine,
          "--vector-store-url",
          args.vectorStore.url,
          "--collection",
          args.vectorStore.collection,
          ...(args.tenant ? ["--tenant", args.tenant, "--in-place"] : []),
        ],
        args.vectorStore.credentials
          ? [
              {
                name: "VECTOR_STORE_CREDENTIAL",
                valueFrom: {
                  secretKeyRef: { name: args.vectorStore.credentials.secret, key: args.vectorStore.credentials.key },
                },
              },
            ]
          : [],
      );
      const cronJob = new k8s.batch.v1.CronJob(
        `${name}-${source.name}`,
        {
          metadata: {
            name: `ingest-${source.name}`,
            namespace: args.namespace,
            labels: { ...labels, "llmops.dev/source": source.name },
            annotations: {
              "llmops.dev/freshness-sla": source.freshnessSla,
              "llmops.dev/max-staleness-seconds": String(timing.maxStalenessSeconds),
            },
          },
          // Forbid: a run still going when the next is due is not doubled (two publishes would race on the alias).
          spec: forbidCronJobSpec({
            schedule: timing.schedule,
            startingDeadlineSeconds: Math.min(300, timing.gapSeconds),
            activeDeadlineSeconds: timing.activeDeadlineSeconds,
            // A failed check fails the Job; retrying would only repeat the same check on the same data.
            backoffLimit: 0,
            jobLabels: labels,
            podLabels: { ...labels, "llmops.dev/source": source.name },
            pod: restrictedJobPodSpec(args.serviceAccountName, {
              initContainers: [...(trust ? [trust.initContainer] : []), ...steps],
              containers: [publish],
              volumes: [
                { name: "staging", emptyDir: { sizeLimit: args.stagingSize ?? "20Gi" } },
                { name: "tmp", emptyDir: { sizeLimit: "1Gi" } },
                ...(trust?.volumes ?? []),
              ],
            }),
          }),
        },
        parent,
      );
      this.cronJobNames[source.name] = cronJob.metadata.name;
    }
    const ports = [...new Set(args.egressPorts ?? args.sources.map((source) => sourcePort(source.uri)))].sort(
      (a, b) => a - b,
    );
    const sourceNames = args.sources.map((source) => source.name);
    new k8s.networking.v1.NetworkPolicy(
      `${name}-egress`,
      {
        metadata: {
          name: args.sources.length === 1 ? `ingest-${args.sources[0]!.name}-egress` : "ingestion-egress",
          namespace: args.namespace,
        },
        spec: {
          podSelector: {
            matchLabels: { "llmops.dev/role": INGESTION_ROLE },
            matchExpressions: [{ key: "llmops.dev/source", operator: "In", values: sourceNames }],
          },
          policyTypes: ["Egress"],
          egress: [
            ...roleEgressRules(args.egressTo),
            ...(args.egressProxy ? [proxyEgressRule(args.egressProxy)] : []),
            ...(args.egressCidrs.length > 0
              ? [
                  {
                    to: args.egressCidrs.map((cidr) => ({ ipBlock: { cidr } })),
                    ports: ports.map((port) => ({ protocol: "TCP", port })),
                  },
                ]
              : []),
            ...(args.objectStoreCidrs && args.sources.some((source) => source.uri.startsWith("s3://"))
              ? [
                  {
                    to: pulumi
                      .output(args.objectStoreCidrs)
                      .apply((cidrs) => cidrs.map((cidr) => ({ ipBlock: { cidr } }))),
                    ports: [{ protocol: "TCP", port: 443 }],
                  },
                ]
              : []),
          ],
        },
      },
      parent,
    );
    this.registerOutputs({ cronJobNames: this.cronJobNames });
  }
}
