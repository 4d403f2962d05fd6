/**
 * Customer-managed KMS keys, one per data domain, with rotation on and key policies that
 * name the account root and the AWS services allowed to use each key (no wildcard principal).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { keyPolicy } from "./iam-documents.js";

export const KEY_DOMAINS = [
  "inference",
  "vectorStore",
  "audit",
  "feedback",
  "modelArtifacts",
  "logs",
  "cluster",
] as const;
export type KeyDomain = (typeof KEY_DOMAINS)[number];

/** Services that encrypt with each domain's key on our behalf. */
const DOMAIN_SERVICES: Record<KeyDomain, readonly string[]> = {
  inference: ["ec2"],
  vectorStore: ["rds", "aoss"],
  audit: ["cloudtrail", "logs", "s3"],
  feedback: ["s3", "sqs"],
  modelArtifacts: ["s3"],
  logs: ["logs"],
  // EventBridge writes Karpenter's interruption queue, which SQS encrypts with this key.
  cluster: ["eks", "sqs", "events"],
};

export interface EncryptionKeysArgs {
  /** AWS account id that owns the keys. */
  readonly accountId: pulumi.Input<string>;
  /** AWS region of the resources (e.g. eu-west-1). */
  readonly region: pulumi.Input<string>;
  /** Days before a deleted key is destroyed. @default 30 */
  readonly deletionWindowDays?: number;
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/**
 * Checks EncryptionKeysArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - deletionWindowDays: must be between 7 and 30 days
 */
export function validateEncryptionKeysArgs(args: EncryptionKeysArgs): void {
  const days = args.deletionWindowDays ?? 30;
  if (days < 7 || days > 30)
    throw new pulumi.InputPropertyError({
      propertyPath: "deletionWindowDays",
      reason: "must be between 7 and 30 days",
    });
}

/**
 * One customer-managed KMS key and alias per data domain, rotation on, each key policy naming the account root and only the AWS services that use that key.
 * @throws pulumi.InputPropertyError from validateEncryptionKeysArgs, before any resource is created
 */
export class EncryptionKeys extends pulumi.ComponentResource {
  readonly keys: Record<KeyDomain, aws.kms.Key>;
  readonly arns: Record<KeyDomain, pulumi.Output<string>>;

  constructor(name: string, args: EncryptionKeysArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:EncryptionKeys", name, args, opts);
    validateEncryptionKeysArgs(args);
    const keys = {} as Record<KeyDomain, aws.kms.Key>;
    for (const domain of KEY_DOMAINS) {
      const policy = pulumi
        .all([args.accountId, args.region])
        .apply(([account, region]) => JSON.stringify(keyPolicy(account, region, DOMAIN_SERVICES[domain])));
      keys[domain] = new aws.kms.Key(
        `${name}-${domain.toLowerCase()}`,
        {
          description: `${name} ${domain} data`,
          enableKeyRotation: true,
          rotationPeriodInDays: 365,
          deletionWindowInDays: args.deletionWindowDays ?? 30,
          policy,
          tags: { ...args.tags, "llmops:data-domain": domain },
        },
        { parent: this },
      );
      new aws.kms.Alias(
        `${name}-${domain.toLowerCase()}-alias`,
        { name: `alias/${name}/${domain}`, targetKeyId: keys[domain].keyId },
        { parent: this },
      );
    }
    this.keys = keys;
    this.arns = Object.fromEntries(KEY_DOMAINS.map((domain) => [domain, keys[domain].arn])) as Record<
      KeyDomain,
      pulumi.Output<string>
    >;
    this.registerOutputs({ arns: this.arns });
  }
}
