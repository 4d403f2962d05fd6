/**
 * An in-cluster vector database (Qdrant or pgvector) for target kubernetes: a StatefulSet
 * with persistent volumes, TLS from a Secret, an API key (or password) read from a Secret
 * by reference (never an env literal or a ConfigMap), the restricted security context, and
 * a NetworkPolicy that admits only the retriever and ingestion roles.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { clusterIpService, dataClaimSpec, imageRef, requirePinnedDigest, roleIngressPolicy, roleIngressRule, roleLabel, roleSelector, type PinnedImage } from "./workload-basics.js";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";
import { serverTls, type InClusterTls } from "./transit-tls.js";

export type InClusterEngine = "qdrant" | "pgvector";
export const VECTOR_DB_ROLE = "vector-db";

export interface InClusterVectorDatabaseArgs {
  /** Stack name (metadata.name): the `app.kubernetes.io/part-of` label of every object. */
  readonly stack: string;
  /** Namespace the objects are created in. */
  readonly namespace: pulumi.Input<string>;
  /** `qdrant` or `pgvector`: sets the port (6333 or 5432), data path, TLS and credential settings. */
  readonly engine: InClusterEngine;
  /** The engine's image (Qdrant, or PostgreSQL with pgvector), pinned by digest. */
  readonly image: PinnedImage;
  /** Service account the pods run as (its own identity; no API token is mounted). */
  readonly serviceAccountName: pulumi.Input<string>;
  /** Secret with the API key (Qdrant, key `api-key`) or password (pgvector, key `password`). */
  readonly credentialsSecret: string;
  /** kubernetes.io/tls Secret with the server certificate. */
  readonly tlsSecret: string;
  /** Roles allowed to connect. */
  readonly clientRoles: readonly string[];
  /** @default "50Gi" */
  readonly storageSize?: string;
  /** StorageClass of the volume. @default the cluster's default StorageClass */
  readonly storageClass?: string;
  /** @default 1 */
  readonly replicas?: number;
  /**
   * Issue the server certificate from the namespace CA (instead of an existing `tlsSecret`), and mark
   * the Service ports as TLS (Qdrant `https`; pgvector `tls`, with a pg_hba that admits only
   * `hostssl` connections, so no plain session is accepted). @default none (the `tlsSecret` given)
   */
  readonly tls?: InClusterTls;
}

/** pgvector with TLS in transit: password logins over TLS only (`hostssl`); a plain TCP connection matches no line and is refused. */
export const PGVECTOR_TLS_HBA = "local all all scram-sha-256\nhostssl all all all scram-sha-256\n";

/**
 * Checks InClusterVectorDatabaseArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - image.digest: images must be pinned by sha256 digest
 *  - clientRoles: name at least one client role; the database admits nobody else
 */
export function validateInClusterVectorDatabaseArgs(args: InClusterVectorDatabaseArgs): void {
  if (args.clientRoles.length === 0) throw new pulumi.InputPropertyError({ propertyPath: "clientRoles", reason: "name at least one client role; the database admits nobody else" });
  requirePinnedDigest(args.image.digest, "image.digest");
}

function engineSettings(args: InClusterVectorDatabaseArgs, tlsSecret: string) {
  if (args.engine === "qdrant") {
    return {
      port: 6333,
      dataPath: "/qdrant/storage",
      env: [
        { name: "QDRANT__SERVICE__API_KEY", valueFrom: { secretKeyRef: { name: args.credentialsSecret, key: "api-key" } } },
        { name: "QDRANT__SERVICE__ENABLE_TLS", value: "true" },
        { name: "QDRANT__TLS__CERT", value: "/tls/tls.crt" },
        { name: "QDRANT__TLS__KEY", value: "/tls/tls.key" },
        { name: "QDRANT__STORAGE__SNAPSHOTS_PATH", value: "/snapshots" },
      ],
      args: [] as string[],
      probe: { tcpSocket: { port: 6333 } },
      scratch: [{ name: "snapshots", mountPath: "/snapshots" }, { name: "tmp", mountPath: "/tmp" }],
      tlsSecret,
    };
  }
  return {
    port: 5432,
    dataPath: "/var/lib/postgresql/data",
    env: [
      { name: "POSTGRES_PASSWORD", valueFrom: { secretKeyRef: { name: args.credentialsSecret, key: "password" } } },
      { name: "POSTGRES_DB", value: "vectors" },
      { name: "PGDATA", value: "/var/lib/postgresql/data/pgdata" },
    ],
    args: [
      "-c", "ssl=on", "-c", "ssl_cert_file=/tls/tls.crt", "-c", "ssl_key_file=/tls/tls.key", "-c", "password_encryption=scram-sha-256",
      ...(args.tls ? ["-c", "ssl_min_protocol_version=TLSv1.2", "-c", "hba_file=/etc/pg-hba/pg_hba.conf"] : []),
    ],
    probe: { exec: { command: ["pg_isready", "-U", "postgres"] } },
    scratch: [{ name: "run", mountPath: "/var/run/postgresql" }, { name: "tmp", mountPath: "/tmp" }],
    tlsSecret,
  };
}

/**
 * The in-cluster vector database: a StatefulSet with a data volume per replica (dataClaimSpec), TLS from a Secret, credentials by Secret reference, a headless and a ClusterIP Service, and an ingress NetworkPolicy admitting only the client roles. `port` is 6333 (Qdrant) or 5432 (pgvector).
 * @throws pulumi.InputPropertyError from validateInClusterVectorDatabaseArgs, before any resource is created
 */
export class InClusterVectorDatabase extends pulumi.ComponentResource {
  readonly serviceName: pulumi.Output<string>;
  readonly port: number;

  constructor(name: string, args: InClusterVectorDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:InClusterVectorDatabase", name, args, opts);
    validateInClusterVectorDatabaseArgs(args);
    const parent = { parent: this };
    const labels = { ...workloadLabels(args.stack, VECTOR_DB_ROLE), "llmops.dev/engine": args.engine };
    const issued = args.tls ? serverTls(name, this, { role: VECTOR_DB_ROLE, namespace: args.namespace, labels, tls: args.tls, serviceNames: [VECTOR_DB_ROLE, `${VECTOR_DB_ROLE}-headless`] }) : undefined;
    const settings = engineSettings(args, issued?.secretName ?? args.tlsSecret);
    const pgHba = args.tls && args.engine === "pgvector"
      ? new k8s.core.v1.ConfigMap(`${name}-hba`, { metadata: { name: `${VECTOR_DB_ROLE}-hba`, namespace: args.namespace, labels }, data: { "pg_hba.conf": PGVECTOR_TLS_HBA } }, parent)
      : undefined;
    const tlsPort = args.tls ? { appProtocol: args.engine === "qdrant" ? "https" : "tls" } : {};
    const headless = new k8s.core.v1.Service(`${name}-headless`, {
      metadata: { name: `${VECTOR_DB_ROLE}-headless`, namespace: args.namespace, labels },
      spec: { clusterIP: "None", selector: roleLabel(VECTOR_DB_ROLE), ports: [{ name: "db", port: settings.port, targetPort: settings.port, ...tlsPort }] },
    }, parent);
    new k8s.apps.v1.StatefulSet(`${name}-statefulset`, {
      metadata: { name: VECTOR_DB_ROLE, namespace: args.namespace, labels },
      spec: {
        serviceName: headless.metadata.name,
        replicas: args.replicas ?? 1,
        selector: roleSelector(VECTOR_DB_ROLE),
        template: {
          metadata: { labels },
          spec: {
            ...restrictedPodBasics(args.serviceAccountName),
            containers: [{
              name: args.engine,
              image: imageRef(args.image),
              args: settings.args,
              env: settings.env,
              ports: [{ name: "db", containerPort: settings.port, protocol: "TCP" }],
              readinessProbe: { ...settings.probe, periodSeconds: 10 },
              livenessProbe: { ...settings.probe, periodSeconds: 20, initialDelaySeconds: 30 },
              resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { cpu: "4", memory: "8Gi" } },
              securityContext: restrictedContainerSecurityContext(),
              volumeMounts: [{ name: "data", mountPath: settings.dataPath }, { name: "tls", mountPath: "/tls", readOnly: true }, ...settings.scratch, ...(pgHba ? [{ name: "pg-hba", mountPath: "/etc/pg-hba", readOnly: true }] : [])],
            }],
            volumes: [
              { name: "tls", secret: { secretName: settings.tlsSecret, defaultMode: 0o440 } },
              ...(pgHba ? [{ name: "pg-hba", configMap: { name: pgHba.metadata.name } }] : []),
              ...settings.scratch.map((mount) => ({ name: mount.name, emptyDir: { sizeLimit: "2Gi" } })),
            ],
          },
        },
        volumeClaimTemplates: [{
          metadata: { name: "data", labels },
          spec: dataClaimSpec(args.storageSize ?? "50Gi", args.storageClass),
        }],
      },
    }, parent);
    const service = new k8s.core.v1.Service(`${name}-service`, clusterIpService(VECTOR_DB_ROLE, args.namespace, labels, [{ name: "db", port: settings.port, targetPort: settings.port, ...tlsPort }]), parent);
    new k8s.networking.v1.NetworkPolicy(`${name}-ingress`, roleIngressPolicy(VECTOR_DB_ROLE, args.namespace, [roleIngressRule(args.clientRoles, settings.port)]), parent);
    this.serviceName = service.metadata.name;
    this.port = settings.port;
    this.registerOutputs({ serviceName: this.serviceName });
  }
}
