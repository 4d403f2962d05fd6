/**
 * The gateway's shared rate-limit store: a single Valkey instance (no persistence; counters are
 * per minute) that every gateway replica counts requests and tokens in, so the spec's
 * requestsPerMinute and tokensPerMinute hold for the stack, not per replica (LiteLLM
 * `router_settings.redis_*`). Password from a Secret, reachable only from the gateway.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import {
  clusterIpService,
  imageRef,
  requirePinnedDigest,
  roleIngressPolicy,
  roleIngressRule,
  roleSelector,
  type PinnedImage,
} from "./workload-basics.js";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";
import { SERVER_TLS_DIR, serverTls, type InClusterTls } from "./transit-tls.js";

export const LIMITER_ROLE = "limiter-store";
export const LIMITER_PORT = 6379;

export interface LimiterStoreArgs {
  /** Stack name (metadata.name): the `app.kubernetes.io/part-of` label of every object. */
  readonly stack: string;
  /** Namespace the objects are created in. */
  readonly namespace: pulumi.Input<string>;
  /** Valkey (or Redis-compatible) image, pinned by digest. */
  readonly image: PinnedImage;
  /** Service account the pods run as (its own identity; no API token is mounted). */
  readonly serviceAccountName: pulumi.Input<string>;
  /** Secret (key `password`) the store and the gateway share; managed outside Pulumi state. */
  readonly passwordSecret: string;
  /** Roles that may connect. @default ["gateway"] */
  readonly clientRoles?: readonly string[];
  /** TLS only: Valkey's own `--tls-port` on LIMITER_PORT with a namespace-CA certificate, `--port 0` (no plain listener). @default none (plain) */
  readonly tls?: InClusterTls;
}

/**
 * valkey-server's arguments: the password from the environment, no persistence, and with TLS the
 * TLS listener on LIMITER_PORT and the plain one off (`--port 0`), clients not asked for
 * certificates (the password authenticates them). Flags per valkey.io/topics/encryption.
 */
export function valkeyArgs(tls: boolean, minVersion: "1.2" | "1.3" = "1.2"): string[] {
  const listener = tls
    ? [
        "--port",
        "0",
        "--tls-port",
        String(LIMITER_PORT),
        "--tls-cert-file",
        `${SERVER_TLS_DIR}/tls.crt`,
        "--tls-key-file",
        `${SERVER_TLS_DIR}/tls.key`,
        "--tls-ca-cert-file",
        `${SERVER_TLS_DIR}/ca.crt`,
        "--tls-auth-clients",
        "no",
        "--tls-protocols",
        minVersion === "1.3" ? "TLSv1.3" : "TLSv1.2 TLSv1.3",
      ]
    : ["--port", String(LIMITER_PORT)];
  // $(VALKEY_PASSWORD) is expanded by the kubelet from the Secret-backed variable.
  return [
    "valkey-server",
    ...listener,
    "--requirepass",
    "$(VALKEY_PASSWORD)",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    "/tmp",
  ];
}

/** Throws InputPropertyError when the image is not pinned by digest. */
export function validateLimiterStoreArgs(args: LimiterStoreArgs): void {
  requirePinnedDigest(args.image.digest, "image.digest");
}

/** Valkey Deployment (one replica, no persistence), ClusterIP Service and an ingress NetworkPolicy. */
export class LimiterStore extends pulumi.ComponentResource {
  /** Host name of the store's Service inside the cluster. */
  readonly host: pulumi.Output<string>;

  constructor(name: string, args: LimiterStoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:LimiterStore", name, args, opts);
    validateLimiterStoreArgs(args);
    const parent = { parent: this };
    const labels = workloadLabels(args.stack, LIMITER_ROLE);
    const tls = args.tls
      ? serverTls(name, this, { role: LIMITER_ROLE, namespace: args.namespace, labels, tls: args.tls })
      : undefined;
    new k8s.apps.v1.Deployment(
      `${name}-deployment`,
      {
        metadata: { name: LIMITER_ROLE, namespace: args.namespace, labels },
        spec: {
          replicas: 1,
          selector: roleSelector(LIMITER_ROLE),
          template: {
            metadata: { labels },
            spec: {
              ...restrictedPodBasics(args.serviceAccountName),
              containers: [
                {
                  name: "valkey",
                  image: imageRef(args.image),
                  args: valkeyArgs(tls !== undefined, args.tls?.minVersion),
                  env: [
                    {
                      name: "VALKEY_PASSWORD",
                      valueFrom: { secretKeyRef: { name: args.passwordSecret, key: "password" } },
                    },
                  ],
                  ports: [{ name: "valkey", containerPort: LIMITER_PORT, protocol: "TCP" }],
                  readinessProbe: { tcpSocket: { port: "valkey" }, periodSeconds: 10 },
                  livenessProbe: { tcpSocket: { port: "valkey" }, periodSeconds: 20 },
                  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "256Mi" } },
                  securityContext: restrictedContainerSecurityContext(),
                  volumeMounts: [{ name: "tmp", mountPath: "/tmp" }, ...(tls ? [tls.mount] : [])],
                },
              ],
              volumes: [{ name: "tmp", emptyDir: { sizeLimit: "256Mi" } }, ...(tls?.volumes ?? [])],
            },
          },
        },
      },
      parent,
    );
    const service = new k8s.core.v1.Service(
      `${name}-service`,
      clusterIpService(LIMITER_ROLE, args.namespace, labels, [
        {
          name: tls ? "valkey-tls" : "valkey",
          port: LIMITER_PORT,
          targetPort: "valkey",
          protocol: "TCP",
          ...(tls ? { appProtocol: "tls" } : {}),
        },
      ]),
      parent,
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-ingress`,
      roleIngressPolicy(LIMITER_ROLE, args.namespace, [roleIngressRule(args.clientRoles ?? ["gateway"], LIMITER_PORT)]),
      parent,
    );
    this.host = pulumi.interpolate`${service.metadata.name}.${args.namespace}.svc.cluster.local`;
    this.registerOutputs({ host: this.host });
  }
}
