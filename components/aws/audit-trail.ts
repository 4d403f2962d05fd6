/**
 * The audit trail: a write-once S3 bucket (Object Lock in compliance mode, SSE-KMS, Block
 * Public Access, TLS-only, access logging to a separate log bucket), an application audit
 * log group with KMS and retention, and a CloudTrail trail with log-file validation that
 * records the data plane of the model and feedback buckets.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { SecureBucket } from "./secure-bucket.js";

export interface AuditTrailArgs {
  /** AWS account id (12 digits) the resources and their policies live in. */
  readonly accountId: pulumi.Input<string>;
  /** AWS region of the resources (e.g. eu-west-1). */
  readonly region: pulumi.Input<string>;
  /** ARN of the customer-managed KMS key that encrypts the data at rest. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Bucket receiving S3 server access logs of the audit bucket. */
  readonly accessLogBucket: pulumi.Input<string>;
  /** Retention of audit records (Object Lock and log group), in days. */
  readonly retentionDays: number;
  /** Buckets whose object-level reads and writes CloudTrail records. */
  readonly dataEventBucketArns: pulumi.Input<string>[];
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/** CloudWatch Logs accepts only these retention values. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** The smallest allowed log retention that is at least the requested days. */
export function logRetentionFor(days: number): number {
  return LOG_RETENTION_DAYS.find((allowed) => allowed >= days) ?? 3653;
}

/**
 * Checks AuditTrailArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - retentionDays: must be 1..3650 days
 */
export function validateAuditTrailArgs(args: AuditTrailArgs): void {
  if (!Number.isInteger(args.retentionDays) || args.retentionDays < 1 || args.retentionDays > 3650) {
    throw new pulumi.InputPropertyError({ propertyPath: "retentionDays", reason: "must be 1..3650 days" });
  }
}

/**
 * The write-once audit bucket (SecureBucket with Object Lock), the application audit log group (KMS, retention from logRetentionFor) and the CloudTrail trail with log-file validation.
 * @throws pulumi.InputPropertyError from validateAuditTrailArgs, before any resource is created
 */
export class AuditTrail extends pulumi.ComponentResource {
  readonly bucket: SecureBucket;
  readonly logGroup: aws.cloudwatch.LogGroup;
  readonly trail: aws.cloudtrail.Trail;

  constructor(name: string, args: AuditTrailArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:AuditTrail", name, args, opts);
    validateAuditTrailArgs(args);
    const parent = { parent: this };
    const trailName = `${name}-trail`;
    this.bucket = new SecureBucket(
      `${name}-records`,
      {
        kmsKeyArn: args.kmsKeyArn,
        accessLogBucket: args.accessLogBucket,
        objectLockDays: args.retentionDays,
        tags: args.tags,
        extraStatements: (arn) => [
          {
            Sid: "CloudTrailAclCheck",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:GetBucketAcl",
            Resource: arn,
          },
          {
            Sid: "CloudTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${arn}/AWSLogs/*`,
            Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
          },
        ],
      },
      parent,
    );
    this.logGroup = new aws.cloudwatch.LogGroup(
      `${name}-app-audit`,
      {
        retentionInDays: logRetentionFor(args.retentionDays),
        kmsKeyId: args.kmsKeyArn,
        tags: args.tags,
      },
      parent,
    );
    this.trail = new aws.cloudtrail.Trail(
      `${name}-trail`,
      {
        name: trailName,
        s3BucketName: this.bucket.name,
        kmsKeyId: args.kmsKeyArn,
        enableLogFileValidation: true,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        eventSelectors: [
          {
            readWriteType: "All",
            includeManagementEvents: true,
            dataResources: [
              {
                type: "AWS::S3::Object",
                values: pulumi.all(args.dataEventBucketArns).apply((arns) => arns.map((arn) => `${arn}/`)),
              },
            ],
          },
        ],
        tags: args.tags,
      },
      { parent: this, dependsOn: [this.bucket] },
    );
    this.registerOutputs({ bucket: this.bucket.name, logGroup: this.logGroup.name, trailArn: this.trail.arn });
  }
}
