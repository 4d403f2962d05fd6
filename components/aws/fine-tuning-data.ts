/**
 * The fine-tuning pipeline's AWS side: a dataset store encrypted with its own customer-managed
 * key (the fine-tuning key), which only the dataset gate may write and only the gate and the
 * training role may read, and the three IRSA roles of the pipeline's Jobs:
 *
 * - `dataset-gate` reads the declared S3 sources, redacts (or checks the lawful basis), and is
 *   the only principal allowed to put objects under `datasets/` — data enters the store through
 *   the gate or not at all (a bucket-policy Deny on every other principal);
 * - `training` reads `datasets/` and the pinned base weights, and writes the new weights under
 *   `models/<output model>/` of the model registry store, plus their lineage record;
 * - `fine-tune-eval` reads the new weights and writes evaluation evidence under `evidence/`.
 *
 * Why a separate key and bucket: the training corpus is usually the most sensitive data of a
 * fine-tuning stack (contracts, case notes); with its own key, a key policy and CloudTrail data
 * events show every decrypt, and revoking the pipeline does not touch serving.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { document, irsaTrustPolicy, keyPolicy, type Statement } from "./iam-documents.js";
import { SecureBucket } from "./secure-bucket.js";

/** The pipeline's workloads, as Kubernetes service-account roles (IRSA). */
export const FINE_TUNING_WORKLOADS = ["dataset-gate", "training", "fine-tune-eval"] as const;
export type FineTuningWorkload = (typeof FINE_TUNING_WORKLOADS)[number];

export interface FineTuningDataStoreArgs {
  /** AWS account id (12 digits) the resources and their policies live in. */
  readonly accountId: pulumi.Input<string>;
  /** AWS region of the buckets (e.g. eu-west-1). */
  readonly region: string;
  /** Bucket receiving server access logs. */
  readonly accessLogBucket: pulumi.Input<string>;
  /** EKS OIDC provider and issuer the Jobs' service accounts federate through. */
  readonly oidcProviderArn: pulumi.Input<string>;
  /** The cluster's OIDC issuer URL; its host (without https://) scopes the roles' trust conditions. */
  readonly oidcIssuer: pulumi.Input<string>;
  /** Namespace of the Jobs' service accounts. */
  readonly namespace: string;
  /** Service account name of each workload (as WorkloadRbac names them). */
  readonly serviceAccounts: Readonly<Record<FineTuningWorkload, string>>;
  /** Declared S3 sources the gate reads (`s3://bucket/prefix/`); other URI schemes are read through the egress rules, not IAM. @default [] */
  readonly sourceUris?: readonly string[];
  /** The model registry store (bucket ARN) and its key: the training role writes the new weights there. */
  readonly registry: { readonly bucketArn: pulumi.Input<string>; readonly kmsKeyArn: pulumi.Input<string> };
  /** Name of the model the pipeline produces (its weights go under `models/<name>/`). */
  readonly outputModel: string;
  /** Where the base weights are (`s3://…`), when they come from S3. @default read from the registry store's models/ prefix */
  readonly baseWeightsUri?: string;
  /** Days a dataset version is kept. @default kept (versioned) */
  readonly retentionDays?: number;
  /** Days before a deleted key is destroyed. @default 30 */
  readonly deletionWindowDays?: number;
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/** `s3://bucket/prefix/` → `arn:aws:s3:::bucket/prefix/*`; anything else is not an S3 object ARN. */
export function s3ObjectArn(uri: string): string | undefined {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(uri);
  if (!match) return undefined;
  const prefix = (match[2] ?? "").replace(/\*+$/, "");
  return `arn:aws:s3:::${match[1]}/${prefix}*`;
}

/**
 * Checks FineTuningDataStoreArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - outputModel: must be a model name (DNS label)
 *  - sourceUris[${index}]: must be an s3:// URI
 *  - baseWeightsUri: must be an s3:// URI
 *  - serviceAccounts.${workload}: every pipeline workload needs its service account
 */
export function validateFineTuningDataStoreArgs(args: FineTuningDataStoreArgs): void {
  if (!/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(args.outputModel))
    throw new pulumi.InputPropertyError({ propertyPath: "outputModel", reason: "must be a model name (DNS label)" });
  for (const [index, uri] of (args.sourceUris ?? []).entries()) {
    if (s3ObjectArn(uri) === undefined)
      throw new pulumi.InputPropertyError({ propertyPath: `sourceUris[${index}]`, reason: "must be an s3:// URI" });
  }
  if (args.baseWeightsUri !== undefined && s3ObjectArn(args.baseWeightsUri) === undefined)
    throw new pulumi.InputPropertyError({ propertyPath: "baseWeightsUri", reason: "must be an s3:// URI" });
  for (const workload of FINE_TUNING_WORKLOADS) {
    if (!args.serviceAccounts[workload])
      throw new pulumi.InputPropertyError({
        propertyPath: `serviceAccounts.${workload}`,
        reason: "every pipeline workload needs its service account",
      });
  }
}

/**
 * The bucket-policy statements that make the gate the only way in: every principal but the gate
 * role is denied PutObject on `datasets/`, and every principal but the gate and training roles is
 * denied GetObject there (the account root keeps administration, not data access). Roles are
 * matched by name (`arn:aws:iam::*:role/<name>`): the policy has no Allow for another account, so
 * a same-named role elsewhere gains nothing, and the policy needs no account id before deploy.
 */
export function datasetStoreStatements(bucketArn: string, roleNames: { gate: string; training: string }): Statement[] {
  const arn = (role: string) => `arn:aws:iam::*:role/${role}`;
  return [
    {
      Sid: "OnlyTheDatasetGateWrites",
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: ["s3:PutObject"],
      Resource: `${bucketArn}/datasets/*`,
      Condition: { ArnNotLike: { "aws:PrincipalArn": arn(roleNames.gate) } },
    },
    {
      Sid: "OnlyThePipelineReads",
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: ["s3:GetObject"],
      Resource: `${bucketArn}/datasets/*`,
      Condition: { ArnNotLike: { "aws:PrincipalArn": [arn(roleNames.gate), arn(roleNames.training)] } },
    },
  ];
}

/** The fine-tuning key, the dataset store, and the pipeline's IRSA roles. */
export class FineTuningDataStore extends pulumi.ComponentResource {
  readonly key: aws.kms.Key;
  readonly bucket: SecureBucket;
  /** `s3://<bucket>/datasets/`: where admitted dataset versions live. */
  readonly datasetsUri: pulumi.Output<string>;
  readonly roleArns: Record<FineTuningWorkload, pulumi.Output<string>>;

  constructor(name: string, args: FineTuningDataStoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:FineTuningDataStore", name, args, opts);
    validateFineTuningDataStoreArgs(args);
    const parent = { parent: this };
    const keyPolicyJson = pulumi
      .output(args.accountId)
      .apply((account) => JSON.stringify(keyPolicy(account, args.region, ["s3"])));
    this.key = new aws.kms.Key(
      `${name}-key`,
      {
        description: `${name} fine-tuning datasets`,
        enableKeyRotation: true,
        rotationPeriodInDays: 365,
        deletionWindowInDays: args.deletionWindowDays ?? 30,
        policy: keyPolicyJson,
        tags: { ...args.tags, "llmops:data-domain": "fineTuning" },
      },
      parent,
    );
    new aws.kms.Alias(`${name}-key-alias`, { name: `alias/${name}/fine-tuning`, targetKeyId: this.key.keyId }, parent);

    const roleName = (workload: FineTuningWorkload) => `${name}-${workload}`.slice(0, 64);
    this.bucket = new SecureBucket(
      `${name}-datasets`,
      {
        kmsKeyArn: this.key.arn,
        accessLogBucket: args.accessLogBucket,
        ...(args.retentionDays !== undefined ? { expireAfterDays: args.retentionDays } : {}),
        extraStatements: (arn) =>
          datasetStoreStatements(arn, { gate: roleName("dataset-gate"), training: roleName("training") }),
        tags: { ...args.tags, "llmops:data-domain": "fineTuning" },
      },
      parent,
    );
    const storeArn = this.bucket.arn;
    this.datasetsUri = pulumi.interpolate`s3://${this.bucket.name}/datasets/`;

    const grants: Record<FineTuningWorkload, Array<{ actions: string[]; resources: pulumi.Input<string>[] }>> = {
      "dataset-gate": [
        ...((args.sourceUris ?? []).length > 0
          ? [{ actions: ["s3:GetObject"], resources: (args.sourceUris ?? []).map((uri) => s3ObjectArn(uri)!) }]
          : []),
        { actions: ["s3:PutObject"], resources: [pulumi.interpolate`${storeArn}/datasets/*`] },
        { actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [this.key.arn] },
      ],
      training: [
        {
          actions: ["s3:GetObject"],
          resources: [
            pulumi.interpolate`${storeArn}/datasets/*`,
            args.baseWeightsUri
              ? s3ObjectArn(args.baseWeightsUri)!
              : pulumi.interpolate`${args.registry.bucketArn}/models/*`,
          ],
        },
        {
          actions: ["s3:PutObject"],
          resources: [pulumi.interpolate`${args.registry.bucketArn}/models/${args.outputModel}/*`],
        },
        { actions: ["kms:Decrypt"], resources: [this.key.arn] },
        { actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [args.registry.kmsKeyArn] },
      ],
      "fine-tune-eval": [
        {
          actions: ["s3:GetObject"],
          resources: [pulumi.interpolate`${args.registry.bucketArn}/models/${args.outputModel}/*`],
        },
        {
          actions: ["s3:PutObject"],
          resources: [pulumi.interpolate`${args.registry.bucketArn}/evidence/${args.outputModel}/*`],
        },
        { actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [args.registry.kmsKeyArn] },
      ],
    };
    const roles = {} as Record<FineTuningWorkload, aws.iam.Role>;
    for (const workload of FINE_TUNING_WORKLOADS) {
      const trust = pulumi
        .all([args.oidcProviderArn, args.oidcIssuer])
        .apply(([arn, issuer]) =>
          JSON.stringify(irsaTrustPolicy(arn, issuer, args.namespace, args.serviceAccounts[workload])),
        );
      roles[workload] = new aws.iam.Role(
        `${name}-${workload}`,
        {
          name: roleName(workload),
          assumeRolePolicy: trust,
          maxSessionDuration: 3600,
          tags: { ...args.tags, "llmops:workload": workload },
        },
        parent,
      );
      const statements = grants[workload];
      const policy = pulumi.all(statements.map((grant) => pulumi.all(grant.resources))).apply((resolved) =>
        JSON.stringify(
          document(
            ...statements.map((grant, i): Statement => ({
              Effect: "Allow",
              Action: grant.actions,
              Resource: resolved[i] ?? [],
            })),
          ),
        ),
      );
      new aws.iam.RolePolicy(`${name}-${workload}-policy`, { role: roles[workload].id, policy }, parent);
    }
    this.roleArns = Object.fromEntries(
      FINE_TUNING_WORKLOADS.map((workload) => [workload, roles[workload].arn]),
    ) as Record<FineTuningWorkload, pulumi.Output<string>>;
    this.registerOutputs({ bucket: this.bucket.name, datasetsUri: this.datasetsUri, roleArns: this.roleArns });
  }
}
