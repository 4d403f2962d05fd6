/**
 * Runtime monitoring the account needs around an LLM stack: GuardDuty Runtime Monitoring for
 * EKS (the GuardDuty agent managed as an EKS add-on) where the stack is production, and Amazon
 * Bedrock model invocation logging (prompts and responses of every InvokeModel call, to a
 * KMS-encrypted log group written by a role only Bedrock in this account can assume) where the
 * stack calls a Bedrock model. The checks LLM-AWS-036 and LLM-AWS-037 hold a plan to these.
 *
 * Both are account-and-region settings: an organisation that runs them centrally lists them in
 * data.yaml's account_controls_managed_centrally and leaves them off here.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface RuntimeMonitoringArgs {
  /** AWS account id (12 digits) the resources and their policies live in. */
  readonly accountId: pulumi.Input<string>;
  /** AWS region of the resources (e.g. eu-west-1). */
  readonly region: pulumi.Input<string>;
  /** Enable GuardDuty with EKS Runtime Monitoring and automated agent management. @default false */
  readonly eksRuntimeMonitoring?: boolean;
  /** Log every Bedrock model invocation (text and embeddings) to CloudWatch Logs. @default false */
  readonly bedrockInvocationLogging?: boolean;
  /** KMS key for the invocation log group; required with bedrockInvocationLogging. @default none (CloudWatch Logs' own encryption) */
  readonly logKeyArn?: pulumi.Input<string>;
  /** Retention of invocation logs (prompts and responses), in days; one of CloudWatch's accepted periods. @default 90 */
  readonly logRetentionDays?: number;
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/** Throws InputPropertyError when invocation logging is asked for without a KMS key or nothing is enabled. */
export function validateRuntimeMonitoringArgs(args: RuntimeMonitoringArgs): void {
  if (!args.eksRuntimeMonitoring && !args.bedrockInvocationLogging) {
    throw new pulumi.InputPropertyError({
      propertyPath: "eksRuntimeMonitoring",
      reason: "enable eksRuntimeMonitoring, bedrockInvocationLogging or both",
    });
  }
  if (args.bedrockInvocationLogging && args.logKeyArn === undefined) {
    throw new pulumi.InputPropertyError({
      propertyPath: "logKeyArn",
      reason: "Bedrock invocation logs hold prompts and responses; give a KMS key",
    });
  }
}

/** The trust policy of the role Bedrock uses to write invocation logs: Bedrock, from this account only. */
export function bedrockLoggingTrust(accountId: string, region: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "bedrock.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": accountId },
          ArnLike: { "aws:SourceArn": `arn:aws:bedrock:${region}:${accountId}:*` },
        },
      },
    ],
  });
}

/** GuardDuty EKS Runtime Monitoring and/or Bedrock model invocation logging. */
export class RuntimeMonitoring extends pulumi.ComponentResource {
  readonly invocationLogGroup?: aws.cloudwatch.LogGroup;

  constructor(name: string, args: RuntimeMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:RuntimeMonitoring", name, args, opts);
    validateRuntimeMonitoringArgs(args);
    const parent = { parent: this };
    if (args.eksRuntimeMonitoring) {
      const detector = new aws.guardduty.Detector(
        `${name}-guardduty`,
        { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES", tags: args.tags },
        parent,
      );
      new aws.guardduty.DetectorFeature(
        `${name}-eks-runtime`,
        {
          detectorId: detector.id,
          name: "EKS_RUNTIME_MONITORING",
          status: "ENABLED",
          additionalConfigurations: [{ name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" }],
        },
        parent,
      );
    }
    if (args.bedrockInvocationLogging) {
      const logGroup = new aws.cloudwatch.LogGroup(
        `${name}-bedrock-invocations`,
        {
          retentionInDays: args.logRetentionDays ?? 90,
          kmsKeyId: args.logKeyArn,
          tags: args.tags,
        },
        parent,
      );
      const role = new aws.iam.Role(
        `${name}-bedrock-logging`,
        {
          assumeRolePolicy: pulumi
            .all([args.accountId, args.region])
            .apply(([accountId, region]) => bedrockLoggingTrust(accountId, region)),
          tags: args.tags,
        },
        parent,
      );
      const policy = new aws.iam.RolePolicy(
        `${name}-bedrock-logging`,
        {
          role: role.id,
          policy: logGroup.arn.apply((arn) =>
            JSON.stringify({
              Version: "2012-10-17",
              Statement: [
                {
                  Effect: "Allow",
                  Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                  Resource: `${arn}:log-stream:*`,
                },
              ],
            }),
          ),
        },
        parent,
      );
      new aws.bedrockmodel.InvocationLoggingConfiguration(
        `${name}-bedrock-invocations`,
        {
          loggingConfig: {
            cloudwatchConfig: { logGroupName: logGroup.name, roleArn: role.arn },
            textDataDeliveryEnabled: true,
            embeddingDataDeliveryEnabled: true,
            imageDataDeliveryEnabled: false,
            videoDataDeliveryEnabled: false,
          },
        },
        { parent: this, dependsOn: [policy] },
      );
      this.invocationLogGroup = logGroup;
    }
    this.registerOutputs({ invocationLogGroup: this.invocationLogGroup?.name });
  }
}
