/**
 * The human-feedback store (encrypted bucket with bounded retention, plus an encrypted
 * review queue) and the model artifact store (encrypted, versioned bucket where weights are
 * addressed by digest, so what is deployed is exactly what was evaluated).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { SecureBucket } from "./secure-bucket.js";

export interface FeedbackStoreArgs {
  /** ARN of the customer-managed KMS key that encrypts the data at rest. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Bucket that receives this bucket's S3 server access logs. */
  readonly accessLogBucket: pulumi.Input<string>;
  /** Days feedback items are kept (humanFeedback.retentionDays) before the lifecycle rule expires them. */
  readonly retentionDays: number;
  /** Create an SQS review queue. @default true */
  readonly reviewQueue?: boolean;
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/**
 * The human-feedback bucket (SecureBucket, items expire after retentionDays) and, unless
 * reviewQueue is false, a KMS-encrypted SQS review queue (messages kept 14 days).
 * @throws pulumi.InputPropertyError when retentionDays is below 1
 */
export class FeedbackStore extends pulumi.ComponentResource {
  readonly bucket: SecureBucket;
  readonly queue?: aws.sqs.Queue;

  constructor(name: string, args: FeedbackStoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:FeedbackStore", name, args, opts);
    if (args.retentionDays < 1)
      throw new pulumi.InputPropertyError({ propertyPath: "retentionDays", reason: "must be at least 1 day" });
    this.bucket = new SecureBucket(
      `${name}-bucket`,
      {
        kmsKeyArn: args.kmsKeyArn,
        accessLogBucket: args.accessLogBucket,
        expireAfterDays: args.retentionDays,
        tags: args.tags,
      },
      { parent: this },
    );
    if (args.reviewQueue ?? true) {
      this.queue = new aws.sqs.Queue(
        `${name}-review-queue`,
        {
          kmsMasterKeyId: args.kmsKeyArn,
          messageRetentionSeconds: 14 * 24 * 3600,
          visibilityTimeoutSeconds: 300,
          tags: args.tags,
        },
        { parent: this },
      );
    }
    this.registerOutputs({ bucket: this.bucket.name, queueUrl: this.queue?.url });
  }
}

export interface ModelArtifactsArgs {
  /** ARN of the customer-managed KMS key that encrypts the data at rest. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Bucket that receives this bucket's S3 server access logs. */
  readonly accessLogBucket: pulumi.Input<string>;
  /** Model name → sha256 digest of its weights. */
  readonly models: Readonly<Record<string, string>>;
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/** Object prefix of a model's weights: content-addressed by digest. */
export function weightsPrefix(model: string, digest: string): string {
  return `models/${model}/${digest.replace(":", "-")}/`;
}

/** The model artifact bucket (SecureBucket, versioned, KMS): weights stored under their digest, so what is deployed is what was evaluated. */
export class ModelArtifacts extends pulumi.ComponentResource {
  readonly bucket: SecureBucket;
  readonly weightUris: Record<string, pulumi.Output<string>>;

  constructor(name: string, args: ModelArtifactsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:ModelArtifacts", name, args, opts);
    for (const [model, digest] of Object.entries(args.models)) {
      if (!/^sha256:[a-f0-9]{64}$/.test(digest))
        throw new pulumi.InputPropertyError({ propertyPath: `models.${model}`, reason: "must be a sha256 digest" });
    }
    this.bucket = new SecureBucket(
      `${name}-bucket`,
      { kmsKeyArn: args.kmsKeyArn, accessLogBucket: args.accessLogBucket, tags: args.tags },
      { parent: this },
    );
    this.weightUris = Object.fromEntries(
      Object.entries(args.models).map(([model, digest]) => [
        model,
        pulumi.interpolate`s3://${this.bucket.name}/${weightsPrefix(model, digest)}`,
      ]),
    );
    this.registerOutputs({ bucket: this.bucket.name, weightUris: this.weightUris });
  }
}
