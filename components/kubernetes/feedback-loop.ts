/**
 * The human-feedback loop: a review queue people work in, and a scheduled export of what they
 * reviewed into a versioned evaluation dataset.
 *
 * - Review queue: a Deployment of two containers. oauth2-proxy (a maintained OIDC reverse proxy,
 *   MIT, pinned by digest as platform.images.authProxy) signs reviewers in against the spec's
 *   identity provider and admits only the declared roles (`--allowed-group`, one per
 *   humanFeedback.accessRoles entry, matched against the token's groups claim). Behind it, on
 *   127.0.0.1 only, the collector's `review` subcommand serves the queue over the feedback store,
 *   with the review SLA and the store's retention as declared.
 * - Export: a CronJob running the collector's `export` subcommand every
 *   humanFeedback.export.intervalHours. It writes the reviewed items (corrections as reference
 *   answers) as a new version of the evaluation dataset, named by the run's UTC timestamp, so a
 *   models[].evaluation.dataset can name it and evidence binds to an exact version.
 *
 * Both read and write the feedback store as the `feedback` identity (the in-cluster feedback
 * sink on any cluster, the feedback bucket through IRSA on EKS); nothing else is reachable.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { proxyEgressRule, proxyEnv, type EgressProxyRoute } from "./egress-proxy.js";
import {
  clusterIpService,
  forbidCronJobSpec,
  httpsEgressRules,
  imageRef,
  roleEgressRules,
  roleIngressPolicy,
  rolePeers,
  restrictedJobPodSpec,
  roleSelector,
  type PinnedImage,
} from "./workload-basics.js";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";
import {
  SERVER_TLS_DIR,
  caTrust,
  httpsAppProtocol,
  serverTls,
  withTransitTls,
  type InClusterTls,
} from "./transit-tls.js";

export const REVIEW_QUEUE_ROLE = "feedback-review";
export const FEEDBACK_EXPORT_ROLE = "feedback-export";
/** Port of the review queue's Service (oauth2-proxy). */
export const REVIEW_QUEUE_PORT = 4180;
const REVIEW_APP_PORT = 8080;

export interface FeedbackLoopArgs {
  /** Stack name (metadata.name): the `app.kubernetes.io/part-of` label of every object. */
  readonly stack: string;
  /** Namespace the objects are created in. */
  readonly namespace: pulumi.Input<string>;
  /** The collector image (its `review` and `export` subcommands). */
  readonly collectorImage: PinnedImage;
  /** oauth2-proxy image. */
  readonly authProxyImage: PinnedImage;
  /** Service account of both workloads (the `feedback` identity). */
  readonly serviceAccountName: pulumi.Input<string>;
  /** The feedback store: an http(s) records endpoint or an s3:// prefix. */
  readonly storeUrl: pulumi.Input<string>;
  /** Where dataset versions are written: an http(s) endpoint or an s3:// prefix. */
  readonly datasetUrl: pulumi.Input<string>;
  /** OIDC issuer URL reviewers sign in with (access.identityProvider.issuer). */
  readonly oidcIssuer: string;
  /** Secret holding client-id, client-secret and cookie-secret for oauth2-proxy. */
  readonly oidcClientSecret: string;
  /** Roles (token groups) admitted to the queue: humanFeedback.accessRoles; at least one. */
  readonly reviewerRoles: readonly string[];
  /** humanFeedback.reviewQueue.slaHours. */
  readonly reviewSlaHours: number;
  /** humanFeedback.retentionDays: items older than this are neither shown nor exported. */
  readonly retentionDays: number;
  /** Evaluation dataset name. */
  readonly dataset: string;
  /** Hours between exports (1 to 720). */
  readonly exportIntervalHours: number;
  /** Namespaces whose pods (an ingress controller, a portal) may reach the queue. @default [] (same namespace only, role `app`) */
  readonly clientNamespaces?: readonly string[];
  /** In-cluster store endpoints, by role and port, for the egress policy. @default [] */
  readonly storeTargets?: ReadonlyArray<{ readonly role: string; readonly port: number }>;
  /** CIDRs of a managed store and the identity provider, opened on 443. @default [] */
  readonly egressCidrs?: readonly string[];
  /** The stack's own egress proxy (EgressProxy.route): the identity provider and any managed store are reached through it (HTTPS_PROXY and NO_PROXY on every container) and the egress policies admit the proxy pods, in place of `egressCidrs`. @default none */
  readonly egressProxy?: EgressProxyRoute;
  /**
   * TLS on the review queue's port, natively in oauth2-proxy (`--https-address`, `--tls-cert-file`,
   * oauth2-proxy.github.io/oauth2-proxy/configuration/tls; its plain listener moved to loopback), and
   * trust of the namespace CA for the review app and the export (an https feedback store). @default none
   */
  readonly tls?: InClusterTls;
}

/** Checks the arguments; throws pulumi.InputPropertyError naming the property. */
export function validateFeedbackLoopArgs(args: FeedbackLoopArgs): void {
  if (args.reviewerRoles.length === 0)
    throw new pulumi.InputPropertyError({
      propertyPath: "reviewerRoles",
      reason: "the review queue admits the declared roles only; declare at least one (humanFeedback.accessRoles)",
    });
  if (!/^https:\/\//.test(args.oidcIssuer))
    throw new pulumi.InputPropertyError({
      propertyPath: "oidcIssuer",
      reason: "reviewers sign in through an https OIDC issuer",
    });
  if (!Number.isInteger(args.exportIntervalHours) || args.exportIntervalHours < 1 || args.exportIntervalHours > 720) {
    throw new pulumi.InputPropertyError({ propertyPath: "exportIntervalHours", reason: "between 1 and 720 hours" });
  }
}

/**
 * Cron expression for an export every `hours` hours: hourly steps when `hours` divides a day,
 * else daily (every `hours / 24` days, rounded down: never less often than declared).
 */
export function exportSchedule(hours: number): string {
  if (hours < 24 && 24 % hours === 0) return hours === 1 ? "7 * * * *" : `7 */${hours} * * *`;
  if (hours < 24) return `7 */${[12, 8, 6, 4, 3, 2, 1].find((step) => step <= hours)} * * *`;
  const days = Math.floor(hours / 24);
  return days <= 1 ? "7 2 * * *" : `7 2 */${Math.min(days, 31)} * *`;
}

/** Review queue Deployment + Service + NetworkPolicies, and the export CronJob. */
export class FeedbackLoop extends pulumi.ComponentResource {
  readonly reviewQueueService: pulumi.Output<string>;
  readonly exportCronJob: pulumi.Output<string>;

  constructor(name: string, args: FeedbackLoopArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:FeedbackLoop", name, args, opts);
    validateFeedbackLoopArgs(args);
    const parent = { parent: this };
    const labels = workloadLabels(args.stack, REVIEW_QUEUE_ROLE);
    const secretEnv = (envName: string, key: string) => ({
      name: envName,
      valueFrom: { secretKeyRef: { name: args.oidcClientSecret, key } },
    });
    const tls = args.tls
      ? serverTls(`${name}-review-queue`, this, {
          role: REVIEW_QUEUE_ROLE,
          namespace: args.namespace,
          labels,
          tls: args.tls,
        })
      : undefined;
    const trust = args.tls ? caTrust(args.tls) : undefined;
    // Through the stack's egress proxy: the identity provider (oauth2-proxy) and a managed store.
    const proxied = args.egressProxy ? proxyEnv(args.egressProxy) : [];
    const listen = tls
      ? [
          `--https-address=0.0.0.0:${REVIEW_QUEUE_PORT}`,
          `--tls-cert-file=${SERVER_TLS_DIR}/tls.crt`,
          `--tls-key-file=${SERVER_TLS_DIR}/tls.key`,
          `--tls-min-version=${args.tls?.minVersion === "1.3" ? "TLS1.3" : "TLS1.2"}`,
          `--http-address=127.0.0.1:${REVIEW_QUEUE_PORT + 1}`,
        ]
      : [`--http-address=0.0.0.0:${REVIEW_QUEUE_PORT}`];
    const ping = { path: "/ping", port: "http", ...(tls ? { scheme: "HTTPS" } : {}) };
    new k8s.apps.v1.Deployment(
      `${name}-review-queue`,
      {
        metadata: { name: REVIEW_QUEUE_ROLE, namespace: args.namespace, labels },
        spec: {
          replicas: 1,
          selector: roleSelector(REVIEW_QUEUE_ROLE),
          template: {
            metadata: { labels },
            spec: withTransitTls(
              {
                ...restrictedPodBasics(args.serviceAccountName),
                containers: [
                  {
                    name: "auth-proxy",
                    image: imageRef(args.authProxyImage),
                    args: [
                      "--provider=oidc",
                      `--oidc-issuer-url=${args.oidcIssuer}`,
                      "--oidc-groups-claim=groups",
                      ...listen,
                      `--upstream=http://127.0.0.1:${REVIEW_APP_PORT}/`,
                      "--email-domain=*",
                      "--cookie-secure=true",
                      "--cookie-samesite=strict",
                      "--skip-provider-button=true",
                      ...args.reviewerRoles.map((role) => `--allowed-group=${role}`),
                    ],
                    env: [
                      secretEnv("OAUTH2_PROXY_CLIENT_ID", "client-id"),
                      secretEnv("OAUTH2_PROXY_CLIENT_SECRET", "client-secret"),
                      secretEnv("OAUTH2_PROXY_COOKIE_SECRET", "cookie-secret"),
                      ...proxied,
                    ],
                    ports: [{ name: "http", containerPort: REVIEW_QUEUE_PORT, protocol: "TCP" }],
                    readinessProbe: { httpGet: ping, periodSeconds: 10 },
                    livenessProbe: { httpGet: ping, periodSeconds: 20 },
                    resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
                    securityContext: restrictedContainerSecurityContext(),
                    ...(tls ? { volumeMounts: [tls.mount] } : {}),
                  },
                  {
                    name: "review",
                    image: imageRef(args.collectorImage),
                    args: [
                      "review",
                      "--store",
                      args.storeUrl,
                      "--listen",
                      `127.0.0.1:${REVIEW_APP_PORT}`,
                      "--sla-hours",
                      String(args.reviewSlaHours),
                      "--retention-days",
                      String(args.retentionDays),
                      "--identity-header",
                      "X-Forwarded-User",
                      "--groups-header",
                      "X-Forwarded-Groups",
                    ],
                    ...(args.egressProxy ? { env: proxied } : {}),
                    readinessProbe: {
                      httpGet: { path: "/healthz", port: REVIEW_APP_PORT, host: "127.0.0.1" },
                      periodSeconds: 10,
                    },
                    livenessProbe: {
                      httpGet: { path: "/healthz", port: REVIEW_APP_PORT, host: "127.0.0.1" },
                      periodSeconds: 20,
                    },
                    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "512Mi" } },
                    securityContext: restrictedContainerSecurityContext(),
                    volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                  },
                ],
                volumes: [{ name: "tmp", emptyDir: { sizeLimit: "1Gi" } }],
              },
              { server: tls, trust, trusting: ["review"] },
            ),
          },
        },
      },
      parent,
    );
    const service = new k8s.core.v1.Service(
      `${name}-review-queue-service`,
      clusterIpService(REVIEW_QUEUE_ROLE, args.namespace, labels, [
        { name: tls ? "https" : "http", port: REVIEW_QUEUE_PORT, targetPort: "http", ...httpsAppProtocol(args.tls) },
      ]),
      parent,
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-review-queue-ingress`,
      roleIngressPolicy(REVIEW_QUEUE_ROLE, args.namespace, [
        {
          from: [
            ...rolePeers(["app"]),
            ...(args.clientNamespaces ?? []).map((namespace) => ({
              namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": namespace } },
            })),
          ],
          ports: [{ protocol: "TCP", port: REVIEW_QUEUE_PORT }],
        },
      ]),
      parent,
    );
    const egress = [
      ...roleEgressRules(args.storeTargets ?? []),
      ...(args.egressProxy ? [proxyEgressRule(args.egressProxy)] : httpsEgressRules(args.egressCidrs ?? [])),
    ];
    for (const role of [REVIEW_QUEUE_ROLE, FEEDBACK_EXPORT_ROLE]) {
      if (egress.length === 0) break;
      new k8s.networking.v1.NetworkPolicy(
        `${name}-${role}-egress`,
        {
          metadata: { name: `${role}-egress`, namespace: args.namespace },
          spec: { podSelector: roleSelector(role), policyTypes: ["Egress"], egress },
        },
        parent,
      );
    }
    const exportLabels = workloadLabels(args.stack, FEEDBACK_EXPORT_ROLE);
    const cronJob = new k8s.batch.v1.CronJob(
      `${name}-export`,
      {
        metadata: { name: FEEDBACK_EXPORT_ROLE, namespace: args.namespace, labels: exportLabels },
        spec: forbidCronJobSpec({
          schedule: exportSchedule(args.exportIntervalHours),
          activeDeadlineSeconds: 3600,
          backoffLimit: 2,
          jobLabels: exportLabels,
          pod: restrictedJobPodSpec(
            args.serviceAccountName,
            withTransitTls(
              {
                containers: [
                  {
                    name: "export",
                    image: imageRef(args.collectorImage),
                    args: [
                      "export",
                      "--store",
                      args.storeUrl,
                      "--reviewed-only",
                      "--dataset",
                      args.dataset,
                      "--version",
                      "utc-timestamp",
                      "--dest",
                      args.datasetUrl,
                      "--retention-days",
                      String(args.retentionDays),
                    ],
                    ...(args.egressProxy ? { env: proxied } : {}),
                    resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } },
                    securityContext: restrictedContainerSecurityContext(),
                    volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                  },
                ],
                volumes: [{ name: "tmp", emptyDir: { sizeLimit: "2Gi" } }],
              },
              { trust },
            ),
          ),
        }),
      },
      parent,
    );
    this.reviewQueueService = service.metadata.name;
    this.exportCronJob = cronJob.metadata.name;
    this.registerOutputs({ reviewQueueService: this.reviewQueueService, exportCronJob: this.exportCronJob });
  }
}
