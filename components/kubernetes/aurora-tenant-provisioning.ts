/**
 * The tenants of an Aurora PostgreSQL (pgvector) store partitioned a database per tenant (spec
 * vectorStore.tenancy databasePerTenant on target aws): the same SQL as the in-cluster pgvector
 * (tenantProvisioningSql) with IAM database authentication, so no tenant has a password at all:
 * per tenant a database owned by `<tenant>-writer`, a `<tenant>-reader` with CONNECT on that
 * database only, both granted `rds_iam`, and CONNECT revoked from PUBLIC everywhere. Each role is
 * reached only through `rds-db:connect` on its own db user, held by the tenant's own IAM role.
 *
 * A provisioning Job runs the script against the cluster endpoint as the RDS master user. The
 * master password never enters Kubernetes or Pulumi state: the Job runs the ingestion image's
 * `provision --vector-store auroraPgvector` subcommand under its own service account, whose IRSA
 * role may read only the RDS-managed master secret (`--master-secret-arn`), and which runs the
 * script with psql (the same contract as the Qdrant `provision` subcommand, RagIngestion's header).
 * Its egress is the VPC on 5432 (Aurora) and 443 (Secrets Manager and STS endpoints) only.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { imageRef, requirePinnedDigest, type PinnedImage } from "./workload-basics.js";
import { workloadLabels } from "./pod-security.js";
import {
  provisionerJob,
  provisionerPod,
  requireDistinctTenants,
  tenantProvisioningSql,
  VECTOR_DB_PROVISIONER_ROLE,
  VECTOR_DB_ROLE,
  type VectorDatabaseTenant,
} from "./vector-database.js";

/** Database the Aurora cluster is created with (components/aws/vector-store.ts), where the Job signs in. */
export const AURORA_ADMIN_DATABASE = "vectors";
/** The RDS master user of the vector store (components/aws/vector-store.ts). */
export const AURORA_MASTER_USER = "llmops_admin";

export interface AuroraTenantProvisioningArgs {
  /** Stack name (labels). */
  readonly stack: string;
  /** Namespace the Job and its ConfigMap are created in. */
  readonly namespace: pulumi.Input<string>;
  /** The tenants (store: the tenant's database). */
  readonly tenants: readonly VectorDatabaseTenant[];
  /** Aurora cluster endpoint (host name). */
  readonly endpoint: pulumi.Input<string>;
  /** ARN of the RDS-managed master user secret the Job reads with its IAM role. */
  readonly masterSecretArn: pulumi.Input<string>;
  /** Image with the `provision` subcommand (the ingestion image), pinned by digest. */
  readonly image: PinnedImage;
  /** Service account of the Job (annotated with the provisioner's IRSA role). */
  readonly serviceAccountName: pulumi.Input<string>;
  /** CIDRs of the VPC the cluster endpoint and the AWS API endpoints live in. */
  readonly egressCidrs: readonly string[];
}

/**
 * Checks AuroraTenantProvisioningArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - tenants: at least one tenant; names and databases unique (requireDistinctTenants)
 *  - image.digest: images must be pinned by sha256 digest
 *  - egressCidrs: the cluster endpoint must be reachable through declared egress
 */
export function validateAuroraTenantProvisioningArgs(args: AuroraTenantProvisioningArgs): void {
  requireDistinctTenants(args.tenants, "tenants");
  requirePinnedDigest(args.image.digest, "image.digest");
  if (args.egressCidrs.length === 0)
    throw new pulumi.InputPropertyError({
      propertyPath: "egressCidrs",
      reason: "the cluster endpoint must be reachable through declared egress (the VPC)",
    });
}

/**
 * The provisioning ConfigMap (`vector-db-tenants`, key tenants.sql), the Job that runs it and the
 * Job's egress NetworkPolicy.
 * @throws pulumi.InputPropertyError from validateAuroraTenantProvisioningArgs, before any resource is created
 */
export class AuroraTenantProvisioning extends pulumi.ComponentResource {
  readonly jobName: pulumi.Output<string>;

  constructor(name: string, args: AuroraTenantProvisioningArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:AuroraTenantProvisioning", name, args, opts);
    validateAuroraTenantProvisioningArgs(args);
    const parent = { parent: this };
    const labels = workloadLabels(args.stack, VECTOR_DB_PROVISIONER_ROLE);
    const sql = new k8s.core.v1.ConfigMap(
      `${name}-tenants`,
      {
        metadata: {
          name: `${VECTOR_DB_ROLE}-tenants`,
          namespace: args.namespace,
          labels: { ...workloadLabels(args.stack, VECTOR_DB_ROLE), "llmops.dev/engine": "auroraPgvector" },
        },
        data: { "tenants.sql": tenantProvisioningSql(args.tenants, AURORA_ADMIN_DATABASE, "iam") },
      },
      parent,
    );
    const pod = provisionerPod(args.serviceAccountName, "sql", sql.metadata.name, {
      image: imageRef(args.image),
      args: [
        "provision",
        "--vector-store",
        "auroraPgvector",
        "--vector-store-url",
        pulumi.interpolate`postgres://${AURORA_MASTER_USER}@${args.endpoint}:5432/${AURORA_ADMIN_DATABASE}?sslmode=require`,
        "--master-secret-arn",
        args.masterSecretArn,
        "--sql",
        "/etc/vector-db-tenants/tenants.sql",
      ],
    });
    // Aurora (5432) and the Secrets Manager and STS endpoints (443), in the VPC.
    const job = provisionerJob(this, name, args.namespace, labels, pod, [
      {
        to: args.egressCidrs.map((cidr) => ({ ipBlock: { cidr } })),
        ports: [5432, 443].map((port) => ({ protocol: "TCP", port })),
      },
    ]);
    this.jobName = job.metadata.name;
    this.registerOutputs({ jobName: this.jobName });
  }
}
