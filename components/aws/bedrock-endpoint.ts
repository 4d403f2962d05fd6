/**
 * Amazon Bedrock reached privately: a `bedrock-runtime` VPC interface endpoint with private DNS
 * in the workload subnets, behind its own security group that admits HTTPS only from the
 * workloads' security group (the EKS cluster's, where the gateway runs), and an endpoint policy
 * that allows only `bedrock:InvokeModel` and `bedrock:InvokeModelWithResponseStream`, only on the
 * foundation models the spec declares, only for principals of the stack's account. With private
 * DNS the SDK's default hostname (bedrock-runtime.<region>.amazonaws.com) resolves to the
 * endpoint, so no call leaves the VPC and no other model can be invoked through it (AWS,
 * "Use interface VPC endpoints (AWS PrivateLink) to create a private connection between your VPC
 * and Amazon Bedrock", Bedrock User Guide). Checked by LLM-AWS-039.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

/** The only actions the endpoint passes: synchronous and streaming invocation. */
export const BEDROCK_INVOKE_ACTIONS = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"] as const;

export interface BedrockPrivateEndpointArgs {
  /** VPC of the workloads; the endpoint and its security group are created in it. */
  readonly vpcId: pulumi.Input<string>;
  /** Workload (private) subnets, one per zone; the endpoint gets a network interface in each. */
  readonly subnetIds: pulumi.Input<string>[];
  /** Security groups allowed to reach the endpoint on 443 (the EKS cluster's). At least one. */
  readonly clientSecurityGroupIds: pulumi.Input<string>[];
  /** AWS region of the endpoint service (com.amazonaws.<region>.bedrock-runtime). */
  readonly region: pulumi.Input<string>;
  /** The stack's account: only its principals may call through the endpoint. */
  readonly accountId: pulumi.Input<string>;
  /** ARNs of the declared foundation models (arn:aws:bedrock:<region>::foundation-model/<id>). At least one. */
  readonly modelArns: readonly string[];
  /** Tags added to the endpoint and its security group. @default none */
  readonly tags?: Record<string, string>;
}

/** Throws InputPropertyError without a model ARN, with an ARN that is not a Bedrock one or holds a wildcard, or without a client security group. */
export function validateBedrockPrivateEndpointArgs(args: BedrockPrivateEndpointArgs): void {
  if (args.modelArns.length === 0)
    throw new pulumi.InputPropertyError({
      propertyPath: "modelArns",
      reason: "at least one declared Bedrock model is required",
    });
  for (const [i, arn] of args.modelArns.entries()) {
    if (
      !/^arn:aws[a-z-]*:bedrock:[a-z0-9-]+:[0-9]*:(foundation-model|inference-profile|provisioned-model)\/[A-Za-z0-9.:_-]+$/.test(
        arn,
      )
    ) {
      throw new pulumi.InputPropertyError({
        propertyPath: `modelArns[${i}]`,
        reason: `not the ARN of one Bedrock model (no wildcards): ${arn}`,
      });
    }
  }
  if (args.clientSecurityGroupIds.length === 0)
    throw new pulumi.InputPropertyError({
      propertyPath: "clientSecurityGroupIds",
      reason: "name the security group of the workloads that call Bedrock",
    });
}

/** The endpoint policy (JSON): the two invoke actions on exactly `modelArns`, for principals of `accountId`. */
export function bedrockEndpointPolicy(modelArns: readonly string[], accountId: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "InvokeDeclaredModelsOnly",
        Effect: "Allow",
        Principal: "*",
        Action: [...BEDROCK_INVOKE_ACTIONS],
        Resource: [...modelArns],
        Condition: { StringEquals: { "aws:PrincipalAccount": accountId } },
      },
    ],
  });
}

/**
 * A `bedrock-runtime` VPC interface endpoint with private DNS, its own security group (443 from the
 * client groups only, no egress) and an endpoint policy that allows only `BEDROCK_INVOKE_ACTIONS`
 * on the declared model ARNs for the stack's account (checked by LLM-AWS-039). Throws
 * InputPropertyError on the arguments `validateBedrockPrivateEndpointArgs` refuses.
 */
export class BedrockPrivateEndpoint extends pulumi.ComponentResource {
  readonly endpoint: aws.ec2.VpcEndpoint;
  readonly securityGroup: aws.ec2.SecurityGroup;

  constructor(name: string, args: BedrockPrivateEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:BedrockPrivateEndpoint", name, args, opts);
    validateBedrockPrivateEndpointArgs(args);
    const parent = { parent: this };
    this.securityGroup = new aws.ec2.SecurityGroup(
      `${name}-sg`,
      {
        vpcId: args.vpcId,
        description: "HTTPS to the bedrock-runtime endpoint from the workloads only",
        ingress: [
          {
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            securityGroups: args.clientSecurityGroupIds,
            description: "workloads to Bedrock",
          },
        ],
        egress: [],
        tags: args.tags,
      },
      parent,
    );
    this.endpoint = new aws.ec2.VpcEndpoint(
      `${name}-vpce`,
      {
        vpcId: args.vpcId,
        serviceName: pulumi.interpolate`com.amazonaws.${args.region}.bedrock-runtime`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: args.subnetIds,
        securityGroupIds: [this.securityGroup.id],
        policy: pulumi.output(args.accountId).apply((account) => bedrockEndpointPolicy(args.modelArns, account)),
        tags: args.tags,
      },
      parent,
    );
    this.registerOutputs({ endpointId: this.endpoint.id });
  }
}
