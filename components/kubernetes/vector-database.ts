/**
 * An in-cluster vector database (Qdrant or pgvector) for target kubernetes: a StatefulSet
 * with persistent volumes, TLS from a Secret, an API key (or password) read from a Secret
 * by reference (never an env literal or a ConfigMap), the restricted security context, and
 * a NetworkPolicy that admits only the retriever and ingestion roles.
 *
 * Tenancy (spec vectorStore.tenancy, `tenancy` below). Each tenant's vectors live in a store of
 * its own and every tenant credential reaches that store only:
 *  - Qdrant, a collection per tenant: JWT RBAC is on (`service.jwt_rbac`, Qdrant ≥ 1.9; tokens are
 *    HS256 JWTs signed with the API key, whose `access` claim lists collections with `r` or `rw`;
 *    https://qdrant.tech/documentation/guides/security/). The tenant's retriever Secret holds a
 *    token with `r` on its collection, its ingestion Secret one with `rw`; the claims each token
 *    must carry are published in the ConfigMap `vector-db-tenants`. A provisioning Job (the
 *    ingestion image's `provision` subcommand) creates the collections with the API key, which no
 *    other workload mounts.
 *  - PostgreSQL (pgvector), a database per tenant: the provisioning Job runs psql from the
 *    database image with the SQL of tenantProvisioningSql: CONNECT revoked from PUBLIC on every
 *    database (PostgreSQL grants it to PUBLIC by default), then per tenant a database, a
 *    `<tenant>-writer` login role that owns it and a `<tenant>-reader` role with CONNECT on that
 *    database only and SELECT on its tables. Passwords come from the tenant Secrets.
 * Tokens and passwords are minted outside Pulumi state, like the API key itself.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import {
  clusterIpService,
  dataClaimSpec,
  imageRef,
  requirePinnedDigest,
  restrictedJobPodSpec,
  roleIngressPolicy,
  roleIngressRule,
  roleLabel,
  roleSelector,
  type PinnedImage,
} from "./workload-basics.js";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";
import { caTrust, NAMESPACE_CA_FILE, serverTls, withTransitTls, type InClusterTls } from "./transit-tls.js";

export type InClusterEngine = "qdrant" | "pgvector";
export const VECTOR_DB_ROLE = "vector-db";
/** Role label of the Job that creates the tenants' collections or databases and roles. */
export const VECTOR_DB_PROVISIONER_ROLE = "vector-db-provisioner";
/** Label naming the tenant a workload or object belongs to (read by LLM-CTRL-011 with its other tenant label keys). */
export const TENANT_LABEL = "llmops.dev/tenant";

/** One tenant of a partitioned store. */
export interface VectorDatabaseTenant {
  /** Tenant name (a DNS label, spec vectorStore.tenants[].name). */
  readonly name: string;
  /** The tenant's collection (Qdrant) or database (pgvector). */
  readonly store: string;
  /** Secret of the tenant's retriever (key `api-key`: a Qdrant JWT with `r` on the collection; key `password`: the `<tenant>-reader` role's password). */
  readonly retrievalSecret: string;
  /** Secret of the tenant's ingestion (key `api-key`: a Qdrant JWT with `rw` on the collection; key `password`: the `<tenant>-writer` role's password). */
  readonly ingestionSecret: string;
}

/** The store partitioned per tenant. */
export interface VectorDatabaseTenancy {
  /** At least one tenant; names and stores unique. */
  readonly tenants: readonly VectorDatabaseTenant[];
  /** Image of the provisioning Job: the ingestion image (its `provision` subcommand) for Qdrant; ignored for pgvector, which runs psql from `image`. */
  readonly provisionerImage: PinnedImage;
  /** Vector dimensions of the collections (Qdrant). */
  readonly dimensions: number;
  /** Distance of the collections (spec vectorStore.metric). */
  readonly metric: "cosine" | "dotProduct" | "euclidean";
}

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
  /** A collection (Qdrant) or database (pgvector) per tenant, with credentials scoped to it. @default none (one store, the API key or superuser password) */
  readonly tenancy?: VectorDatabaseTenancy;
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
 *  - tenancy.tenants: at least one tenant; tenant names, stores and Secrets unique, and no tenant Secret is the server's credentialsSecret
 *  - tenancy.provisionerImage.digest: images must be pinned by sha256 digest
 */
export function validateInClusterVectorDatabaseArgs(args: InClusterVectorDatabaseArgs): void {
  if (args.clientRoles.length === 0)
    throw new pulumi.InputPropertyError({
      propertyPath: "clientRoles",
      reason: "name at least one client role; the database admits nobody else",
    });
  requirePinnedDigest(args.image.digest, "image.digest");
  const tenancy = args.tenancy;
  if (!tenancy) return;
  requirePinnedDigest(tenancy.provisionerImage.digest, "tenancy.provisionerImage.digest");
  const tenants = tenancy.tenants;
  requireDistinctTenants(tenants, "tenancy.tenants");
  const secrets = tenants.flatMap((tenant) => [tenant.retrievalSecret, tenant.ingestionSecret]);
  if (new Set(secrets).size !== secrets.length || secrets.includes(args.credentialsSecret))
    throw new pulumi.InputPropertyError({
      propertyPath: "tenancy.tenants",
      reason: "every tenant credential is its own Secret, never another tenant's or the server's credentialsSecret",
    });
}

/**
 * The provisioning script's extension statement, run in each tenant database after `\connect`: the
 * pgvector extension (https://github.com/pgvector/pgvector), which the image must ship.
 */
export const PGVECTOR_EXTENSION_SQL = "CREATE EXTENSION IF NOT EXISTS vector;";

/**
 * Refuses a tenant list two tenants would share a store through (shared by every partitioned store's validator).
 * @throws pulumi.InputPropertyError at `propertyPath` when the list is empty, or two tenants share a name or a store
 */
export function requireDistinctTenants(
  tenants: readonly { readonly name: string; readonly store: string }[],
  propertyPath: string,
): void {
  if (tenants.length === 0)
    throw new pulumi.InputPropertyError({ propertyPath, reason: "a partitioned store needs at least one tenant" });
  const unique = (values: string[]) => new Set(values).size === values.length;
  if (!unique(tenants.map((tenant) => tenant.name)) || !unique(tenants.map((tenant) => tenant.store)))
    throw new pulumi.InputPropertyError({
      propertyPath,
      reason: "tenant names and stores must be unique: two tenants in one store share it",
    });
}

/** PostgreSQL role names of a tenant: the writer owns the tenant's database, the reader may only connect to it and read. */
export function tenantRoles(tenant: string): { reader: string; writer: string } {
  return { reader: `${tenant}-reader`, writer: `${tenant}-writer` };
}

/** Environment variable that carries a tenant role's password into the provisioning Job. */
function passwordVariable(tenant: string, role: "reader" | "writer"): string {
  return `${tenant.toUpperCase().replace(/-/g, "_")}_${role.toUpperCase()}_PASSWORD`;
}

/**
 * The psql script (PostgreSQL 15+ for `\getenv`) that partitions a pgvector server per tenant:
 * CONNECT revoked from PUBLIC on the admin databases (template1 too: every new login could connect
 * there) and on each tenant database, then per tenant
 * a database owned by `<tenant>-writer`, a `<tenant>-reader` login with CONNECT on that database
 * only, USAGE on its public schema and SELECT on the writer's tables (default privileges), and the
 * `vector` extension. Idempotent: roles and databases are created only when absent, passwords
 * reset from the Secrets on every run. Identifiers are double-quoted (tenant names hold hyphens).
 *
 * `authentication: "iam"` (Aurora PostgreSQL with IAM database authentication): the login roles
 * get no password (`PASSWORD NULL`) and are granted `rds_iam`, so they sign in only with an IAM
 * token that `rds-db:connect` on `dbuser:<cluster>/<role>` allows (Aurora user guide, "IAM database
 * authentication"); the running user (the RDS master, not a superuser) is first made a member of the
 * writer role, which PostgreSQL 16 requires to create a database owned by it and to set its
 * default privileges.
 */
export function tenantProvisioningSql(
  tenants: readonly VectorDatabaseTenant[],
  adminDatabase = "vectors",
  authentication: "password" | "iam" = "password",
): string {
  const lines = [
    "\\set ON_ERROR_STOP on",
    `REVOKE CONNECT ON DATABASE "postgres", "template1", "${adminDatabase}" FROM PUBLIC;`,
  ];
  for (const tenant of tenants) {
    const roles = tenantRoles(tenant.name);
    for (const [kind, role] of [
      ["reader", roles.reader],
      ["writer", roles.writer],
    ] as const) {
      const create = `SELECT 'CREATE ROLE "${role}" LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') \\gexec`;
      if (authentication === "iam") {
        lines.push(
          create,
          `ALTER ROLE "${role}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD NULL;`,
          `GRANT rds_iam TO "${role}";`,
        );
      } else {
        lines.push(
          `\\getenv ${kind}_password ${passwordVariable(tenant.name, kind)}`,
          create,
          // format() quotes the password as a literal (%L); psql substitutes the variable (:'name').
          `SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', '${role}', :'${kind}_password') \\gexec`,
        );
      }
    }
    if (authentication === "iam") lines.push(`GRANT "${roles.writer}" TO CURRENT_USER;`);
    lines.push(
      `SELECT 'CREATE DATABASE "${tenant.store}" OWNER "${roles.writer}"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${tenant.store}') \\gexec`,
      `REVOKE ALL ON DATABASE "${tenant.store}" FROM PUBLIC;`,
      `GRANT CONNECT ON DATABASE "${tenant.store}" TO "${roles.reader}";`,
      `\\connect "${tenant.store}"`,
      PGVECTOR_EXTENSION_SQL,
      "REVOKE ALL ON SCHEMA public FROM PUBLIC;",
      `GRANT USAGE, CREATE ON SCHEMA public TO "${roles.writer}";`,
      `GRANT USAGE ON SCHEMA public TO "${roles.reader}";`,
      `ALTER DEFAULT PRIVILEGES FOR ROLE "${roles.writer}" IN SCHEMA public GRANT SELECT ON TABLES TO "${roles.reader}";`,
      `\\connect "${adminDatabase}"`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The JWT claims each tenant Secret of a Qdrant store must carry (`access`: its collection only, `r` for retrieval, `rw` for ingestion). */
export function qdrantTenantGrants(tenants: readonly VectorDatabaseTenant[]): Record<string, unknown> {
  return Object.fromEntries(
    tenants.map((tenant) => [
      tenant.name,
      {
        collection: tenant.store,
        retrieval: {
          secretName: tenant.retrievalSecret,
          key: "api-key",
          claims: { access: [{ collection: tenant.store, access: "r" }] },
        },
        ingestion: {
          secretName: tenant.ingestionSecret,
          key: "api-key",
          claims: { access: [{ collection: tenant.store, access: "rw" }] },
        },
      },
    ]),
  );
}

/**
 * The provisioning Job's pod (restrictedJobPodSpec): one `provision` container (requests 100m and
 * 128Mi, limits 500m and 512Mi, the restricted security context) with the tenants' ConfigMap
 * mounted read-only at /etc/vector-db-tenants (volume `volume`) and a 64 MiB /tmp.
 */
export function provisionerPod(
  serviceAccountName: pulumi.Input<string>,
  volume: string,
  configMapName: pulumi.Input<string>,
  container: {
    readonly image: string;
    readonly args: pulumi.Input<string>[];
    readonly env?: k8s.types.input.core.v1.EnvVar[];
  },
): k8s.types.input.core.v1.PodSpec {
  return restrictedJobPodSpec(serviceAccountName, {
    containers: [
      {
        name: "provision",
        image: container.image,
        args: container.args,
        ...(container.env ? { env: container.env } : {}),
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
        securityContext: restrictedContainerSecurityContext(),
        volumeMounts: [
          { name: volume, mountPath: "/etc/vector-db-tenants", readOnly: true },
          { name: "tmp", mountPath: "/tmp" },
        ],
      },
    ],
    volumes: [
      { name: volume, configMap: { name: configMapName } },
      { name: "tmp", emptyDir: { sizeLimit: "64Mi" } },
    ],
  });
}

/**
 * The provisioning Job `vector-db-provisioner` (6 retries, 900 s; replaced when its spec changes)
 * running `pod`, and the NetworkPolicy `vector-db-provisioner-egress` opening only `egress`.
 */
export function provisionerJob(
  parent: pulumi.Resource,
  name: string,
  namespace: pulumi.Input<string>,
  labels: Record<string, string>,
  pod: k8s.types.input.core.v1.PodSpec,
  egress: k8s.types.input.networking.v1.NetworkPolicyEgressRule[],
): k8s.batch.v1.Job {
  const job = new k8s.batch.v1.Job(
    `${name}-provision`,
    {
      metadata: { name: VECTOR_DB_PROVISIONER_ROLE, namespace, labels },
      spec: { backoffLimit: 6, activeDeadlineSeconds: 900, template: { metadata: { labels }, spec: pod } },
    },
    { parent, replaceOnChanges: ["spec"], deleteBeforeReplace: true },
  );
  new k8s.networking.v1.NetworkPolicy(
    `${name}-provisioner-egress`,
    {
      metadata: { name: `${VECTOR_DB_PROVISIONER_ROLE}-egress`, namespace },
      spec: { podSelector: roleSelector(VECTOR_DB_PROVISIONER_ROLE), policyTypes: ["Egress"], egress },
    },
    { parent },
  );
  return job;
}

function engineSettings(args: InClusterVectorDatabaseArgs, tlsSecret: string) {
  if (args.engine === "qdrant") {
    return {
      port: 6333,
      dataPath: "/qdrant/storage",
      env: [
        {
          name: "QDRANT__SERVICE__API_KEY",
          valueFrom: { secretKeyRef: { name: args.credentialsSecret, key: "api-key" } },
        },
        // Tenancy: requests carry a tenant's JWT (signed with the API key), scoped to its collection.
        ...(args.tenancy ? [{ name: "QDRANT__SERVICE__JWT_RBAC", value: "true" }] : []),
        { name: "QDRANT__SERVICE__ENABLE_TLS", value: "true" },
        { name: "QDRANT__TLS__CERT", value: "/tls/tls.crt" },
        { name: "QDRANT__TLS__KEY", value: "/tls/tls.key" },
        { name: "QDRANT__STORAGE__SNAPSHOTS_PATH", value: "/snapshots" },
      ],
      args: [] as string[],
      probe: { tcpSocket: { port: 6333 } },
      scratch: [
        { name: "snapshots", mountPath: "/snapshots" },
        { name: "tmp", mountPath: "/tmp" },
      ],
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
      "-c",
      "ssl=on",
      "-c",
      "ssl_cert_file=/tls/tls.crt",
      "-c",
      "ssl_key_file=/tls/tls.key",
      "-c",
      "password_encryption=scram-sha-256",
      ...(args.tls ? ["-c", "ssl_min_protocol_version=TLSv1.2", "-c", "hba_file=/etc/pg-hba/pg_hba.conf"] : []),
    ],
    probe: { exec: { command: ["pg_isready", "-U", "postgres"] } },
    scratch: [
      { name: "run", mountPath: "/var/run/postgresql" },
      { name: "tmp", mountPath: "/tmp" },
    ],
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
    const issued = args.tls
      ? serverTls(name, this, {
          role: VECTOR_DB_ROLE,
          namespace: args.namespace,
          labels,
          tls: args.tls,
          serviceNames: [VECTOR_DB_ROLE, `${VECTOR_DB_ROLE}-headless`],
        })
      : undefined;
    const settings = engineSettings(args, issued?.secretName ?? args.tlsSecret);
    const pgHba =
      args.tls && args.engine === "pgvector"
        ? new k8s.core.v1.ConfigMap(
            `${name}-hba`,
            {
              metadata: { name: `${VECTOR_DB_ROLE}-hba`, namespace: args.namespace, labels },
              data: { "pg_hba.conf": PGVECTOR_TLS_HBA },
            },
            parent,
          )
        : undefined;
    const tlsPort = args.tls ? { appProtocol: args.engine === "qdrant" ? "https" : "tls" } : {};
    const headless = new k8s.core.v1.Service(
      `${name}-headless`,
      {
        metadata: { name: `${VECTOR_DB_ROLE}-headless`, namespace: args.namespace, labels },
        spec: {
          clusterIP: "None",
          selector: roleLabel(VECTOR_DB_ROLE),
          ports: [{ name: "db", port: settings.port, targetPort: settings.port, ...tlsPort }],
        },
      },
      parent,
    );
    new k8s.apps.v1.StatefulSet(
      `${name}-statefulset`,
      {
        metadata: { name: VECTOR_DB_ROLE, namespace: args.namespace, labels },
        spec: {
          serviceName: headless.metadata.name,
          replicas: args.replicas ?? 1,
          selector: roleSelector(VECTOR_DB_ROLE),
          template: {
            metadata: { labels },
            spec: {
              ...restrictedPodBasics(args.serviceAccountName),
              containers: [
                {
                  name: args.engine,
                  image: imageRef(args.image),
                  args: settings.args,
                  env: settings.env,
                  ports: [{ name: "db", containerPort: settings.port, protocol: "TCP" }],
                  readinessProbe: { ...settings.probe, periodSeconds: 10 },
                  livenessProbe: { ...settings.probe, periodSeconds: 20, initialDelaySeconds: 30 },
                  resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { cpu: "4", memory: "8Gi" } },
                  securityContext: restrictedContainerSecurityContext(),
                  volumeMounts: [
                    { name: "data", mountPath: settings.dataPath },
                    { name: "tls", mountPath: "/tls", readOnly: true },
                    ...settings.scratch,
                    ...(pgHba ? [{ name: "pg-hba", mountPath: "/etc/pg-hba", readOnly: true }] : []),
                  ],
                },
              ],
              volumes: [
                { name: "tls", secret: { secretName: settings.tlsSecret, defaultMode: 0o440 } },
                ...(pgHba ? [{ name: "pg-hba", configMap: { name: pgHba.metadata.name } }] : []),
                ...settings.scratch.map((mount) => ({ name: mount.name, emptyDir: { sizeLimit: "2Gi" } })),
              ],
            },
          },
          volumeClaimTemplates: [
            {
              metadata: { name: "data", labels },
              spec: dataClaimSpec(args.storageSize ?? "50Gi", args.storageClass),
            },
          ],
        },
      },
      parent,
    );
    const service = new k8s.core.v1.Service(
      `${name}-service`,
      clusterIpService(VECTOR_DB_ROLE, args.namespace, labels, [
        { name: "db", port: settings.port, targetPort: settings.port, ...tlsPort },
      ]),
      parent,
    );
    const clients = args.tenancy ? [...args.clientRoles, VECTOR_DB_PROVISIONER_ROLE] : args.clientRoles;
    new k8s.networking.v1.NetworkPolicy(
      `${name}-ingress`,
      roleIngressPolicy(VECTOR_DB_ROLE, args.namespace, [roleIngressRule(clients, settings.port)]),
      parent,
    );
    if (args.tenancy) this.provision(name, args, args.tenancy, settings.port, labels);
    this.serviceName = service.metadata.name;
    this.port = settings.port;
    this.registerOutputs({ serviceName: this.serviceName });
  }

  /** The provisioning Job (collections, or databases and roles, per tenant), its egress, and the published grants. */
  private provision(
    name: string,
    args: InClusterVectorDatabaseArgs,
    tenancy: VectorDatabaseTenancy,
    port: number,
    dbLabels: Record<string, string>,
  ): void {
    const parent = { parent: this };
    const labels = workloadLabels(args.stack, VECTOR_DB_PROVISIONER_ROLE);
    const url = pulumi.interpolate`${args.engine === "qdrant" ? "https" : "postgres"}://${VECTOR_DB_ROLE}.${args.namespace}.svc.cluster.local:${port}`;
    const host = pulumi.interpolate`${VECTOR_DB_ROLE}.${args.namespace}.svc.cluster.local`;
    // With TLS in transit the server's certificate comes from the namespace CA: the Job verifies it
    // (the combined bundle for Qdrant's https client, the CA alone for psql's verify-full).
    const trust = args.tls ? caTrust(args.tls) : undefined;
    let pod: k8s.types.input.core.v1.PodSpec;
    if (args.engine === "qdrant") {
      const grants = new k8s.core.v1.ConfigMap(
        `${name}-tenants`,
        {
          metadata: { name: `${VECTOR_DB_ROLE}-tenants`, namespace: args.namespace, labels: dbLabels },
          data: { "grants.json": JSON.stringify(qdrantTenantGrants(tenancy.tenants), null, 2) },
        },
        parent,
      );
      pod = provisionerPod(args.serviceAccountName, "grants", grants.metadata.name, {
        image: imageRef(tenancy.provisionerImage),
        args: [
          "provision",
          "--vector-store",
          "qdrant",
          "--vector-store-url",
          url,
          "--dimensions",
          String(tenancy.dimensions),
          "--metric",
          tenancy.metric,
          "--grants",
          "/etc/vector-db-tenants/grants.json",
          ...tenancy.tenants.flatMap((tenant) => ["--collection", tenant.store]),
        ],
        env: [
          {
            name: "VECTOR_STORE_CREDENTIAL",
            valueFrom: { secretKeyRef: { name: args.credentialsSecret, key: "api-key" } },
          },
        ],
      });
    } else {
      const sql = new k8s.core.v1.ConfigMap(
        `${name}-tenants`,
        {
          metadata: { name: `${VECTOR_DB_ROLE}-tenants`, namespace: args.namespace, labels: dbLabels },
          data: { "tenants.sql": tenantProvisioningSql(tenancy.tenants) },
        },
        parent,
      );
      pod = provisionerPod(args.serviceAccountName, "sql", sql.metadata.name, {
        image: imageRef(args.image),
        args: ["psql", "--no-psqlrc", "-f", "/etc/vector-db-tenants/tenants.sql"],
        env: [
          { name: "PGHOST", value: host },
          { name: "PGPORT", value: String(port) },
          { name: "PGUSER", value: "postgres" },
          { name: "PGDATABASE", value: "vectors" },
          ...(trust
            ? [
                { name: "PGSSLMODE", value: "verify-full" },
                { name: "PGSSLROOTCERT", value: NAMESPACE_CA_FILE },
              ]
            : [{ name: "PGSSLMODE", value: "require" }]),
          { name: "PGPASSWORD", valueFrom: { secretKeyRef: { name: args.credentialsSecret, key: "password" } } },
          ...tenancy.tenants.flatMap((tenant) => [
            {
              name: passwordVariable(tenant.name, "reader"),
              valueFrom: { secretKeyRef: { name: tenant.retrievalSecret, key: "password" } },
            },
            {
              name: passwordVariable(tenant.name, "writer"),
              valueFrom: { secretKeyRef: { name: tenant.ingestionSecret, key: "password" } },
            },
          ]),
        ],
      });
    }
    provisionerJob(this, name, args.namespace, labels, withTransitTls(pod, { trust }), [
      { to: [{ podSelector: roleSelector(VECTOR_DB_ROLE) }], ports: [{ protocol: "TCP", port }] },
    ]);
  }
}
