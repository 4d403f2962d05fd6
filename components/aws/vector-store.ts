/**
 * The vector store: Aurora PostgreSQL Serverless v2 with pgvector, or an OpenSearch
 * Serverless vector collection. Both are private to the VPC, encrypted with the
 * vector-store CMK and reachable only by the retrieval (and ingestion) roles.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export type VectorEngine = "auroraPgvector" | "opensearchServerless";

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
}

/**
 * Checks VectorStoreArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - capacity.min: above capacity.max
 *  - backupRetentionDays: at least 7 days of backups are required
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
  readonly endpoint: pulumi.Output<string>;
  /** ARN (OpenSearch collection) or cluster resource id (Aurora) that IAM grants refer to. */
  readonly resourceArn: pulumi.Output<string>;

  constructor(name: string, args: VectorStoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:VectorStore", name, args, opts);
    validateVectorStoreArgs(args);
    const built = args.engine === "auroraPgvector" ? this.aurora(name, args) : this.openSearch(name, args);
    this.endpoint = built.endpoint;
    this.resourceArn = built.resourceArn;
    this.registerOutputs({ endpoint: this.endpoint, resourceArn: this.resourceArn });
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
    return { endpoint: cluster.endpoint, resourceArn: cluster.clusterResourceId };
  }

  private openSearch(name: string, args: VectorStoreArgs) {
    const parent = { parent: this };
    const collectionName = name.slice(0, 28);
    const encryption = new aws.opensearch.ServerlessSecurityPolicy(
      `${name}-encryption`,
      {
        name: `${collectionName}-enc`,
        type: "encryption",
        policy: pulumi.output(args.kmsKeyArn).apply((kmsArn) =>
          JSON.stringify({
            Rules: [{ ResourceType: "collection", Resource: [`collection/${collectionName}`] }],
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
              Rules: [{ ResourceType: "collection", Resource: [`collection/${collectionName}`] }],
              AllowFromPublic: false,
              SourceVPCEs: [vpceId],
            },
          ]),
        ),
      },
      parent,
    );
    const collection = new aws.opensearch.ServerlessCollection(
      `${name}-collection`,
      {
        name: collectionName,
        type: "VECTORSEARCH",
        standbyReplicas: "ENABLED",
        tags: args.tags,
      },
      { parent: this, dependsOn: [encryption, network] },
    );
    new aws.opensearch.ServerlessAccessPolicy(
      `${name}-data-access`,
      {
        name: `${collectionName}-access`,
        type: "data",
        policy: pulumi
          .all([pulumi.all(args.readerRoleArns), pulumi.all(args.writerRoleArns)])
          .apply(([readers, writers]) =>
            JSON.stringify([
              {
                Rules: [
                  {
                    ResourceType: "index",
                    Resource: [`index/${collectionName}/*`],
                    Permission: ["aoss:ReadDocument", "aoss:DescribeIndex"],
                  },
                ],
                Principal: readers,
              },
              {
                Rules: [
                  {
                    ResourceType: "index",
                    Resource: [`index/${collectionName}/*`],
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
            ]),
          ),
      },
      parent,
    );
    return { endpoint: collection.collectionEndpoint, resourceArn: collection.arn };
  }
}
