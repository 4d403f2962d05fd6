/**
 * The vector store: Aurora PostgreSQL Serverless v2 with pgvector, or an OpenSearch
 * Serverless vector collection. Both are private to the VPC, encrypted with the
 * vector-store CMK and reachable only by the retrieval (and ingestion) roles.
 *
 * Tenancy (`tenants`, spec vectorStore.tenancy):
 *  - OpenSearch Serverless, a collection per tenant: each tenant's collection is its own, and one
 *    data access policy per tenant grants that tenant's retriever role read (aoss:ReadDocument,
 *    aoss:DescribeIndex) and its ingestion role write on that collection's indexes only, so no
 *    principal reaches two tenants. The encryption and network policies cover every tenant
 *    collection (data access policies are per collection and index; encryption and network are not
 *    a tenant boundary). Policy shape: the data access policy JSON of the OpenSearch Serverless
 *    developer guide ("Data access control for Amazon OpenSearch Serverless"): an array of
 *    `{ Rules: [{ ResourceType, Resource, Permission }], Principal }`.
 *  - Aurora PostgreSQL, a database per tenant: the cluster is shared; the tenants' databases and
 *    IAM-authenticated login roles are created inside it by the provisioning Job
 *    (components/kubernetes/aurora-tenant-provisioning.ts). Here only the master secret's ARN is
 *    exposed for that Job.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { requireDistinctTenants } from "../kubernetes/vector-database.js";

export type VectorEngine = "auroraPgvector" | "opensearchServerless";

/** One tenant of a partitioned managed store. */
export interface VectorStoreTenant {
  /** Tenant name (spec vectorStore.tenants[].name). */
  readonly name: string;
  /** OpenSearch Serverless: the tenant's collection name (3-32 characters, [a-z][a-z0-9-]*); Aurora: its database. */
  readonly store: string;
  /** IAM role of the tenant's retriever (read only). */
  readonly readerRoleArn: pulumi.Input<string>;
  /** IAM role of the tenant's ingestion (write). */
  readonly writerRoleArn: pulumi.Input<string>;
}

export interface VectorStoreArgs {
  /** `auroraPgvector` (Aurora PostgreSQL with pgvector) or `opensearchServerless`. */
  readonly engine: VectorEngine;
  /** VPC the resources are placed in. */
  readonly vpcId: pulumi.Input<string>;
  /** Private subnets the database's network interfaces live in. */
  readonly dataSubnetIds: pulumi.Input<string>[];
  /** Security group of the workloads allowed to connect (the cluster's). */
  readonly clientSecurityGroupId: pulumi.Input<string>;
  /** ARN of the customer-managed KMS key that encrypts the data at rest. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Roles allowed to read (retrieval) and write (ingestion) vectors. */
  readonly readerRoleArns: pulumi.Input<string>[];
  /** IAM roles allowed to write vectors (the ingestion identity). */
  readonly writerRoleArns: pulumi.Input<string>[];
  /** Backup retention (Aurora). @default 14 */
  readonly backupRetentionDays?: number;
  /** Serverless v2 capacity (Aurora ACUs). @default { min: 0.5, max: 8 } */
  readonly capacity?: { readonly min: number; readonly max: number };
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
  /**
   * Partition the store per tenant (OpenSearch: a collection and a data access policy per tenant;
   * Aurora: nothing more here, the databases are created in the cluster). readerRoleArns and
   * writerRoleArns are then unused for OpenSearch: each tenant's roles are its only principals.
   * @default none (one shared collection or database)
   */
  readonly tenants?: readonly VectorStoreTenant[];
}

/** A valid OpenSearch Serverless collection or policy name: 3-32 characters, `[a-z][a-z0-9-]*`. */
const AOSS_NAME = /^[a-z][a-z0-9-]{2,31}$/;

/**
 * Checks VectorStoreArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - capacity.min: above capacity.max
 *  - backupRetentionDays: at least 7 days of backups are required
 *  - tenants: at least one tenant; names and stores unique; string role ARNs never shared between tenants
 *  - tenants[i].store: (OpenSearch) not a valid collection name (3-32 characters, [a-z][a-z0-9-]*)
 */
export function validateVectorStoreArgs(args: VectorStoreArgs): void {
  const capacity = args.capacity ?? { min: 0.5, max: 8 };
  if (capacity.min > capacity.max)
    throw new pulumi.InputPropertyError({ propertyPath: "capacity.min", reason: "above capacity.max" });
  if ((args.backupRetentionDays ?? 14) < 7)
    throw new pulumi.InputPropertyError({
      propertyPath: "backupRetentionDays",
      reason: "at least 7 days of backups are required",
    });
  const tenants = args.tenants;
  if (!tenants) return;
  requireDistinctTenants(tenants, "tenants");
  const unique = (values: unknown[]) => new Set(values).size === values.length;
  // Role ARNs known now (plain strings) must each belong to one tenant; a shared role reaches both.
  const roles = tenants
    .flatMap((tenant) => [tenant.readerRoleArn, tenant.writerRoleArn])
    .filter((arn) => typeof arn === "string");
  if (!unique(roles))
    throw new pulumi.InputPropertyError({
      propertyPath: "tenants",
      reason: "every tenant has its own reader and writer roles, never another tenant's",
    });
  if (args.engine === "opensearchServerless") {
    for (const [i, tenant] of tenants.entries()) {
      if (!AOSS_NAME.test(tenant.store))
        throw new pulumi.InputPropertyError({
          propertyPath: `tenants[${i}].store`,
          reason: "an OpenSearch Serverless collection name is 3-32 characters, a lowercase letter then [a-z0-9-]",
        });
    }
  }
}

/** What each engine's security group admits from the cluster (one TCP port), with the group's and the rule's descriptions. */
const CLUSTER_INGRESS = {
  postgres: { port: 5432, description: "PostgreSQL from the inference cluster only", rule: "cluster to pgvector" },
  collection: {
    port: 443,
    description: "HTTPS to the vector collection from the cluster only",
    rule: "cluster to collection",
  },
} as const;

/**
 * The managed vector store in the VPC, encrypted with the vector-store key: Aurora PostgreSQL Serverless v2 with pgvector and its security group, or an OpenSearch Serverless vector collection with its encryption, network and data-access policies and VPC endpoint.
 * @throws pulumi.InputPropertyError from validateVectorStoreArgs, before any resource is created
 */
export class VectorStore extends pulumi.ComponentResource {
  /** Aurora: the cluster endpoint (host); OpenSearch: the shared collection's endpoint, or with tenants the first tenant's. */
  readonly endpoint: pulumi.Output<string>;
  /** ARN (OpenSearch collection) or cluster resource id (Aurora) that IAM grants refer to. */
  readonly resourceArn: pulumi.Output<string>;
  /** With tenants: each tenant's endpoint (its OpenSearch collection's; Aurora: the cluster endpoint). */
  readonly tenantEndpoints: Record<string, pulumi.Output<string>> = {};
  /** With tenants: the ARN (OpenSearch: the tenant's collection) or cluster resource id (Aurora) its IAM grants refer to. */
  readonly tenantResourceArns: Record<string, pulumi.Output<string>> = {};
  /** Aurora: ARN of the Secrets Manager secret RDS manages for the master user (the provisioning Job reads it). */
  readonly masterSecretArn?: pulumi.Output<string>;

  constructor(name: string, args: VectorStoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:VectorStore", name, args, opts);
    validateVectorStoreArgs(args);
    const built: {
      endpoint: pulumi.Output<string>;
      resourceArn: pulumi.Output<string>;
      masterSecretArn?: pulumi.Output<string>;
    } = args.engine === "auroraPgvector" ? this.aurora(name, args) : this.openSearch(name, args);
    this.endpoint = built.endpoint;
    this.resourceArn = built.resourceArn;
    if (built.masterSecretArn) this.masterSecretArn = built.masterSecretArn;
    this.registerOutputs({
      endpoint: this.endpoint,
      resourceArn: this.resourceArn,
      tenantEndpoints: this.tenantEndpoints,
    });
  }

  /** A security group (child of this store) admitting TCP `ingress.port` from the cluster's security group only, and no egress. */
  private clusterOnlyGroup(
    resourceName: string,
    args: VectorStoreArgs,
    ingress: (typeof CLUSTER_INGRESS)[keyof typeof CLUSTER_INGRESS],
  ): aws.ec2.SecurityGroup {
    return new aws.ec2.SecurityGroup(
      resourceName,
      {
        vpcId: args.vpcId,
        description: ingress.description,
        ingress: [
          {
            protocol: "tcp",
            fromPort: ingress.port,
            toPort: ingress.port,
            securityGroups: [args.clientSecurityGroupId],
            description: ingress.rule,
          },
        ],
        egress: [],
        tags: args.tags,
      },
      { parent: this },
    );
  }

  private aurora(name: string, args: VectorStoreArgs) {
    const parent = { parent: this };
    const securityGroup = this.clusterOnlyGroup(`${name}-db-sg`, args, CLUSTER_INGRESS.postgres);
    const subnets = new aws.rds.SubnetGroup(
      `${name}-db-subnets`,
      { subnetIds: args.dataSubnetIds, tags: args.tags },
      parent,
    );
    const capacity = args.capacity ?? { min: 0.5, max: 8 };
    const cluster = new aws.rds.Cluster(
      `${name}-db`,
      {
        engine: "aurora-postgresql",
        engineMode: "provisioned",
        engineVersion: "16.4",
        databaseName: "vectors",
        masterUsername: "llmops_admin",
        manageMasterUserPassword: true,
        masterUserSecretKmsKeyId: args.kmsKeyArn,
        storageEncrypted: true,
        kmsKeyId: args.kmsKeyArn,
        iamDatabaseAuthenticationEnabled: true,
        deletionProtection: true,
        backupRetentionPeriod: args.backupRetentionDays ?? 14,
        copyTagsToSnapshot: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: `${name}-db-final`,
        enabledCloudwatchLogsExports: ["postgresql"],
        dbSubnetGroupName: subnets.name,
        vpcSecurityGroupIds: [securityGroup.id],
        serverlessv2ScalingConfiguration: { minCapacity: capacity.min, maxCapacity: capacity.max },
        tags: args.tags,
      },
      parent,
    );
    new aws.rds.ClusterInstance(
      `${name}-db-instance`,
      {
        clusterIdentifier: cluster.id,
        instanceClass: "db.serverless",
        engine: "aurora-postgresql",
        engineVersion: cluster.engineVersion,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: args.kmsKeyArn,
        tags: args.tags,
      },
      parent,
    );
    for (const tenant of args.tenants ?? []) {
      this.tenantEndpoints[tenant.name] = cluster.endpoint;
      this.tenantResourceArns[tenant.name] = cluster.clusterResourceId;
    }
    return {
      endpoint: cluster.endpoint,
      resourceArn: cluster.clusterResourceId,
      masterSecretArn: cluster.masterUserSecrets.apply((secrets) => {
        const arn = secrets[0]?.secretArn;
        if (!arn) throw new Error(`${name}-db: RDS reported no managed master user secret`);
        return arn;
      }),
    };
  }

  private openSearch(name: string, args: VectorStoreArgs) {
    const parent = { parent: this };
    const collectionName = name.slice(0, 28);
    // With tenants there is no shared collection: one per tenant, each with its own data access policy.
    const collections = args.tenants ? args.tenants.map((tenant) => tenant.store) : [collectionName];
    const rules = collections.map((collection) => `collection/${collection}`);
    const encryption = new aws.opensearch.ServerlessSecurityPolicy(
      `${name}-encryption`,
      {
        name: `${collectionName}-enc`,
        type: "encryption",
        policy: pulumi.output(args.kmsKeyArn).apply((kmsArn) =>
          JSON.stringify({
            Rules: [{ ResourceType: "collection", Resource: rules }],
            AWSOwnedKey: false,
            KmsARN: kmsArn,
          }),
        ),
      },
      parent,
    );
    const securityGroup = this.clusterOnlyGroup(`${name}-aoss-sg`, args, CLUSTER_INGRESS.collection);
    const endpoint = new aws.opensearch.ServerlessVpcEndpoint(
      `${name}-vpce`,
      {
        name: `${collectionName}-vpce`,
        vpcId: args.vpcId,
        subnetIds: args.dataSubnetIds,
        securityGroupIds: [securityGroup.id],
      },
      parent,
    );
    const network = new aws.opensearch.ServerlessSecurityPolicy(
      `${name}-network`,
      {
        name: `${collectionName}-net`,
        type: "network",
        policy: endpoint.id.apply((vpceId) =>
          JSON.stringify([
            {
              Rules: [{ ResourceType: "collection", Resource: rules }],
              AllowFromPublic: false,
              SourceVPCEs: [vpceId],
            },
          ]),
        ),
      },
      parent,
    );
    const collection = (resourceName: string, collectionName: string, tags?: Record<string, string>) =>
      new aws.opensearch.ServerlessCollection(
        resourceName,
        { name: collectionName, type: "VECTORSEARCH", standbyReplicas: "ENABLED", tags },
        { parent: this, dependsOn: [encryption, network] },
      );
    const access = (
      resourceName: string,
      policyName: string,
      collectionName: string,
      readers: pulumi.Input<string>[],
      writers: pulumi.Input<string>[],
    ) =>
      new aws.opensearch.ServerlessAccessPolicy(
        resourceName,
        {
          name: policyName,
          type: "data",
          policy: pulumi
            .all([pulumi.all(readers), pulumi.all(writers)])
            .apply(([readerArns, writerArns]) =>
              JSON.stringify(dataAccessPolicy(collectionName, readerArns, writerArns)),
            ),
        },
        parent,
      );
    if (args.tenants) {
      for (const tenant of args.tenants) {
        const tenantCollection = collection(`${name}-${tenant.name}-collection`, tenant.store, {
          ...args.tags,
          "llmops:tenant": tenant.name,
        });
        // Named like the collection (policy names are per type): one policy, one tenant's two roles.
        access(
          `${name}-${tenant.name}-data-access`,
          tenant.store,
          tenant.store,
          [tenant.readerRoleArn],
          [tenant.writerRoleArn],
        );
        this.tenantEndpoints[tenant.name] = tenantCollection.collectionEndpoint;
        this.tenantResourceArns[tenant.name] = tenantCollection.arn;
      }
      const first = args.tenants[0]!.name;
      return { endpoint: this.tenantEndpoints[first]!, resourceArn: this.tenantResourceArns[first]! };
    }
    const shared = collection(`${name}-collection`, collectionName, args.tags);
    access(
      `${name}-data-access`,
      `${collectionName}-access`,
      collectionName,
      [...args.readerRoleArns],
      [...args.writerRoleArns],
    );
    return { endpoint: shared.collectionEndpoint, resourceArn: shared.arn };
  }
}

/**
 * The data access policy of one collection (OpenSearch Serverless data access policy JSON): readers
 * may read documents and describe the collection's indexes; writers may also write documents and
 * create and update indexes. Only the collection's own indexes (`index/<collection>/*`).
 */
export function dataAccessPolicy(collection: string, readers: string[], writers: string[]): unknown[] {
  const index = [`index/${collection}/*`];
  return [
    {
      Rules: [{ ResourceType: "index", Resource: index, Permission: ["aoss:ReadDocument", "aoss:DescribeIndex"] }],
      Principal: readers,
    },
    {
      Rules: [
        {
          ResourceType: "index",
          Resource: index,
          Permission: [
            "aoss:ReadDocument",
            "aoss:WriteDocument",
            "aoss:CreateIndex",
            "aoss:DescribeIndex",
            "aoss:UpdateIndex",
          ],
        },
      ],
      Principal: writers,
    },
  ];
}
