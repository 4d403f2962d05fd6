/**
 * An in-cluster sink for audit or feedback records: a collector that receives records over
 * HTTP and keeps them on a persistent volume for the spec's retention (the prompt and response
 * text in them for data.retention's shorter promptsDays and responsesDays), reachable only from
 * the roles that produce those records. With `piiRedaction`, every record passes through the
 * Presidio analyzer and anonymizer before it is written (the collector calls them; its egress
 * is opened to them and nothing else).
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import {
  roleEgressRules,
  clusterIpService,
  dataClaimSpec,
  imageRef,
  roleIngressPolicy,
  roleIngressRule,
  roleSelector,
  type PinnedImage,
} from "./workload-basics.js";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";
import { caTrust, httpsAppProtocol, serverTls, withTransitTls, type InClusterTls } from "./transit-tls.js";

export const SINK_PORT = 8080;
/** With TLS: the collector listens here on loopback, behind the TLS sidecar on SINK_PORT. */
export const SINK_UPSTREAM_PORT = 8010;

export interface RecordSinkArgs {
  /** Stack name (metadata.name): the `app.kubernetes.io/part-of` label of every object. */
  readonly stack: string;
  /** Namespace the objects are created in. */
  readonly namespace: pulumi.Input<string>;
  /** `audit` (append-only records, role audit-sink) or `feedback` (role feedback-sink). */
  readonly kind: "audit" | "feedback";
  /** The collector image (its `serve` subcommand), pinned by digest. */
  readonly image: PinnedImage;
  /** Service account the pods run as (its own identity; no API token is mounted). */
  readonly serviceAccountName: pulumi.Input<string>;
  /** Days records are kept before they expire (the spec's retention for this data). */
  readonly retentionDays: number;
  /**
   * Days the prompt and the response text in a record are kept (data.retention.promptsDays and
   * responsesDays): the collector removes them from stored records after these days, and does not
   * store them at all at 0, while the rest of the record stays for retentionDays.
   * @default retentionDays (the text expires with its record)
   */
  readonly contentRetentionDays?: { readonly prompts: number; readonly responses: number };
  /** Roles allowed to send records. */
  readonly producerRoles: readonly string[];
  /** @default "20Gi" */
  readonly storageSize?: string;
  /** StorageClass of the volume. @default the cluster's default StorageClass */
  readonly storageClass?: string;
  /** Redact PII in each record before storing it (privacy.piiRedaction.logs). @default none */
  readonly piiRedaction?: {
    readonly analyzerUrl: pulumi.Input<string>;
    readonly anonymizerUrl: pulumi.Input<string>;
    /** Roles and port of the Presidio services, for the sink's egress policy. */
    readonly services: ReadonlyArray<{ readonly role: string; readonly port: number }>;
  };
  /** TLS on SINK_PORT (the TLS sidecar, a namespace-CA certificate); the collector trusts the namespace CA when it calls Presidio. @default none (plain HTTP) */
  readonly tls?: InClusterTls;
}

/**
 * Checks RecordSinkArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - retentionDays: must be at least 1 day
 *  - contentRetentionDays: days must be whole numbers, 0 or more
 */
export function validateRecordSinkArgs(args: RecordSinkArgs): void {
  if (args.retentionDays < 1)
    throw new pulumi.InputPropertyError({ propertyPath: "retentionDays", reason: "must be at least 1 day" });
  const content = args.contentRetentionDays;
  if (content && [content.prompts, content.responses].some((days) => !Number.isInteger(days) || days < 0)) {
    throw new pulumi.InputPropertyError({
      propertyPath: "contentRetentionDays",
      reason: "days must be whole numbers, 0 or more",
    });
  }
}

/** A record sink: collector Deployment, PVC, ClusterIP Service and ingress (and, when redacting, egress) NetworkPolicies. */
export class RecordSink extends pulumi.ComponentResource {
  readonly serviceName: pulumi.Output<string>;

  constructor(name: string, args: RecordSinkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:RecordSink", name, args, opts);
    validateRecordSinkArgs(args);
    const parent = { parent: this };
    const content = args.contentRetentionDays ?? { prompts: args.retentionDays, responses: args.retentionDays };
    const role = `${args.kind}-sink`;
    const labels = workloadLabels(args.stack, role);
    const tls = args.tls
      ? serverTls(name, this, {
          role,
          namespace: args.namespace,
          labels,
          tls: args.tls,
          routes: [{ listen: SINK_PORT, upstream: SINK_UPSTREAM_PORT, name: "http" }],
        })
      : undefined;
    const trust = args.tls && args.piiRedaction ? caTrust(args.tls) : undefined;
    // With TLS the kubelet probes through the sidecar, by number (the collector has no port of its own then).
    const probe = { path: "/healthz", ...(tls ? { port: SINK_PORT, scheme: "HTTPS" } : { port: "http" }) };
    const claim = new k8s.core.v1.PersistentVolumeClaim(
      `${name}-data`,
      {
        metadata: { name: `${role}-data`, namespace: args.namespace, labels },
        spec: dataClaimSpec(args.storageSize ?? "20Gi", args.storageClass),
      },
      parent,
    );
    new k8s.apps.v1.Deployment(
      `${name}-deployment`,
      {
        metadata: { name: role, namespace: args.namespace, labels },
        spec: {
          replicas: 1,
          strategy: { type: "Recreate" },
          selector: roleSelector(role),
          template: {
            metadata: { labels },
            spec: withTransitTls(
              {
                ...restrictedPodBasics(args.serviceAccountName),
                containers: [
                  {
                    name: "collector",
                    image: imageRef(args.image),
                    args: [
                      "serve",
                      "--kind",
                      args.kind,
                      "--listen",
                      tls ? `127.0.0.1:${SINK_UPSTREAM_PORT}` : `:${SINK_PORT}`,
                      "--store",
                      "/records",
                      "--retention-days",
                      String(args.retentionDays),
                      "--prompt-retention-days",
                      String(Math.min(content.prompts, args.retentionDays)),
                      "--response-retention-days",
                      String(Math.min(content.responses, args.retentionDays)),
                      ...(args.kind === "audit" ? ["--append-only"] : []),
                      ...(args.piiRedaction
                        ? [
                            "--presidio-analyzer",
                            args.piiRedaction.analyzerUrl,
                            "--presidio-anonymizer",
                            args.piiRedaction.anonymizerUrl,
                          ]
                        : []),
                    ],
                    ports: tls ? [] : [{ name: "http", containerPort: SINK_PORT, protocol: "TCP" }],
                    readinessProbe: { httpGet: probe, periodSeconds: 10 },
                    livenessProbe: { httpGet: probe, periodSeconds: 20 },
                    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "512Mi" } },
                    securityContext: restrictedContainerSecurityContext(),
                    volumeMounts: [
                      { name: "records", mountPath: "/records" },
                      { name: "tmp", mountPath: "/tmp" },
                    ],
                  },
                ],
                volumes: [
                  { name: "records", persistentVolumeClaim: { claimName: claim.metadata.name } },
                  { name: "tmp", emptyDir: { sizeLimit: "1Gi" } },
                ],
              },
              { server: tls, trust },
            ),
          },
        },
      },
      parent,
    );
    const service = new k8s.core.v1.Service(
      `${name}-service`,
      clusterIpService(role, args.namespace, labels, [
        { name: tls ? "https" : "http", port: SINK_PORT, targetPort: "http", ...httpsAppProtocol(args.tls) },
      ]),
      parent,
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-ingress`,
      roleIngressPolicy(role, args.namespace, [roleIngressRule(args.producerRoles, SINK_PORT)]),
      parent,
    );
    if (args.piiRedaction) {
      new k8s.networking.v1.NetworkPolicy(
        `${name}-redaction-egress`,
        {
          metadata: { name: `${role}-redaction-egress`, namespace: args.namespace },
          spec: {
            podSelector: roleSelector(role),
            policyTypes: ["Egress"],
            egress: roleEgressRules(args.piiRedaction.services),
          },
        },
        parent,
      );
    }
    this.serviceName = service.metadata.name;
    this.registerOutputs({ serviceName: this.serviceName });
  }
}
