/**
 * An S3 bucket that is secure by construction: Block Public Access on all four settings,
 * bucket-owner-enforced ownership (no ACLs), SSE-KMS with a customer-managed key and bucket
 * keys, versioning, a TLS-only bucket policy, optional access logging, Object Lock and
 * expiry. Used by the audit trail, the feedback store and the model artifact store.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { document, tlsOnlyStatement, type Statement } from "./iam-documents.js";

export interface SecureBucketArgs {
  /** Customer-managed KMS key used for SSE-KMS. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Bucket receiving server access logs. @default no access logging (only for the log bucket itself) */
  readonly accessLogBucket?: pulumi.Input<string>;
  /** Write-once retention in days (Object Lock, compliance mode). @default no Object Lock */
  readonly objectLockDays?: number;
  /** Delete object versions after this many days. @default kept; cannot be combined with objectLockDays shorter than it */
  readonly expireAfterDays?: number;
  /** Extra bucket-policy statements (e.g. CloudTrail delivery); built from the bucket ARN. @default none */
  readonly extraStatements?: (bucketArn: string) => Statement[];
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/**
 * Checks SecureBucketArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - objectLockDays: must be a positive whole number of days
 *  - expireAfterDays: cannot expire objects before their Object Lock retention ends
 */
export function validateSecureBucketArgs(args: SecureBucketArgs): void {
  if (args.objectLockDays !== undefined && (args.objectLockDays < 1 || !Number.isInteger(args.objectLockDays))) {
    throw new pulumi.InputPropertyError({
      propertyPath: "objectLockDays",
      reason: "must be a positive whole number of days",
    });
  }
  if (
    args.objectLockDays !== undefined &&
    args.expireAfterDays !== undefined &&
    args.expireAfterDays < args.objectLockDays
  ) {
    throw new pulumi.InputPropertyError({
      propertyPath: "expireAfterDays",
      reason: "cannot expire objects before their Object Lock retention ends",
    });
  }
}

/**
 * An S3 bucket with all four Block Public Access settings, owner-enforced ownership, SSE-KMS with bucket keys, versioning, a TLS-only policy (plus extraStatements), and, when asked, access logging, Object Lock and expiry.
 * @throws pulumi.InputPropertyError from validateSecureBucketArgs, before any resource is created
 */
export class SecureBucket extends pulumi.ComponentResource {
  readonly bucket: aws.s3.Bucket;
  readonly arn: pulumi.Output<string>;
  readonly name: pulumi.Output<string>;

  constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:SecureBucket", name, args, opts);
    validateSecureBucketArgs(args);
    const parent = { parent: this };
    this.bucket = new aws.s3.Bucket(
      `${name}`,
      { objectLockEnabled: args.objectLockDays !== undefined, forceDestroy: false, tags: args.tags },
      parent,
    );
    const bucket = this.bucket.id;
    const publicAccess = new aws.s3.BucketPublicAccessBlock(
      `${name}-public-access`,
      {
        bucket,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      parent,
    );
    new aws.s3.BucketOwnershipControls(
      `${name}-ownership`,
      { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } },
      parent,
    );
    new aws.s3.BucketServerSideEncryptionConfiguration(
      `${name}-sse`,
      {
        bucket,
        rules: [
          {
            applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn },
            bucketKeyEnabled: true,
          },
        ],
      },
      parent,
    );
    const versioning = new aws.s3.BucketVersioning(
      `${name}-versioning`,
      { bucket, versioningConfiguration: { status: "Enabled" } },
      parent,
    );
    if (args.accessLogBucket !== undefined) {
      new aws.s3.BucketLogging(
        `${name}-logging`,
        { bucket, targetBucket: args.accessLogBucket, targetPrefix: `${name}/` },
        parent,
      );
    }
    if (args.objectLockDays !== undefined) {
      new aws.s3.BucketObjectLockConfiguration(
        `${name}-object-lock`,
        {
          bucket,
          rule: { defaultRetention: { mode: "COMPLIANCE", days: args.objectLockDays } },
        },
        { parent: this, dependsOn: [versioning] },
      );
    }
    if (args.expireAfterDays !== undefined) {
      new aws.s3.BucketLifecycleConfiguration(
        `${name}-lifecycle`,
        {
          bucket,
          rules: [
            {
              id: "expire",
              status: "Enabled",
              filter: {},
              expiration: { days: args.expireAfterDays },
              noncurrentVersionExpiration: { noncurrentDays: args.expireAfterDays },
            },
          ],
        },
        { parent: this, dependsOn: [versioning] },
      );
    }
    new aws.s3.BucketPolicy(
      `${name}-policy`,
      {
        bucket,
        policy: this.bucket.arn.apply((arn) =>
          JSON.stringify(document(tlsOnlyStatement(arn), ...(args.extraStatements?.(arn) ?? []))),
        ),
      },
      { parent: this, dependsOn: [publicAccess] },
    );
    this.arn = this.bucket.arn;
    this.name = this.bucket.bucket;
    this.registerOutputs({ arn: this.arn, name: this.name });
  }
}
