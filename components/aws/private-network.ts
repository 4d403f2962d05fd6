/**
 * A private VPC across at least two availability zones: private subnets for workloads,
 * data subnets for stores, VPC endpoints for the AWS services used, a locked default security
 * group, and flow logs to a KMS-encrypted log group. Only when egress is allowlisted: public
 * subnets with NAT, and an AWS Network Firewall (EgressFirewall) in its own subnets that every
 * outbound packet of the workload subnets crosses, both ways, before it reaches NAT.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { layoutSubnets, parseCidr } from "./cidr.js";
import { serviceTrustPolicy } from "./iam-documents.js";
import { EgressFirewall, validateEgressFirewallArgs } from "./egress-firewall.js";

export const GATEWAY_ENDPOINTS = new Set(["s3"]);

export interface PrivateNetworkArgs {
  /** VPC CIDR (plain: subnets are computed from it). */
  readonly cidrBlock: string;
  /** Availability zone names; at least two. */
  readonly availabilityZones: readonly pulumi.Input<string>[];
  /**
   * Create public subnets, one NAT gateway per zone and the egress firewall in front of them, for
   * allowlisted egress. Requires `egressAllowlist`. @default false
   */
  readonly natEgress?: boolean;
  /** Host names the egress firewall allows (spec network.egress.allowlist). Required with `natEgress`; ignored without. @default none */
  readonly egressAllowlist?: readonly string[];
  /** AWS services reached privately: "s3" becomes a gateway endpoint, the rest interface endpoints. */
  readonly endpointServices: readonly string[];
  /** AWS region of the resources (e.g. eu-west-1). */
  readonly region: pulumi.Input<string>;
  /** KMS key for the flow-log group. */
  readonly logKeyArn: pulumi.Input<string>;
  /** Flow-log retention. @default 365 */
  readonly flowLogRetentionDays?: number;
  /** Extra tags of the private (node) subnets only, e.g. Karpenter's discovery tag. @default {} */
  readonly privateSubnetTags?: Record<string, string>;
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/**
 * Checks PrivateNetworkArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - availabilityZones: at least two availability zones are required
 */
export function validatePrivateNetworkArgs(args: PrivateNetworkArgs): void {
  if (args.availabilityZones.length < 2)
    throw new pulumi.InputPropertyError({
      propertyPath: "availabilityZones",
      reason: "at least two availability zones are required",
    });
  try {
    parseCidr(args.cidrBlock);
    layoutSubnets(args.cidrBlock, args.availabilityZones.length, args.natEgress ?? false);
  } catch (error) {
    throw new pulumi.InputPropertyError({ propertyPath: "cidrBlock", reason: (error as Error).message });
  }
  if (args.natEgress) {
    if (!args.egressAllowlist || args.egressAllowlist.length === 0)
      throw new pulumi.InputPropertyError({
        propertyPath: "egressAllowlist",
        reason: "NAT egress is built only behind the egress firewall, which needs the allowed host names",
      });
    try {
      validateEgressFirewallArgs({ vpcId: "", subnetIds: ["-"], allowlist: args.egressAllowlist, logKeyArn: "" });
    } catch (error) {
      throw new pulumi.InputPropertyError({
        propertyPath: `egressAllowlist${((error as { propertyPath?: string }).propertyPath ?? "").replace(/^allowlist/, "")}`,
        reason: (error as { reason?: string }).reason ?? (error as Error).message,
      });
    }
  }
}

/**
 * The VPC with private and data subnets in each availability zone (subnetLayout), public subnets and NAT only when egress is allowed, interface and gateway endpoints for the listed services, a locked default security group and flow logs to a KMS-encrypted log group.
 * @throws pulumi.InputPropertyError from validatePrivateNetworkArgs, before any resource is created
 */
export class PrivateNetwork extends pulumi.ComponentResource {
  readonly vpc: aws.ec2.Vpc;
  readonly privateSubnetIds: pulumi.Output<string>[];
  readonly dataSubnetIds: pulumi.Output<string>[];
  readonly publicSubnetIds: pulumi.Output<string>[];
  readonly endpointSecurityGroup: aws.ec2.SecurityGroup;
  readonly endpointIds: Record<string, pulumi.Output<string>>;
  /** The egress firewall, with `natEgress`. */
  readonly egressFirewall?: EgressFirewall;

  constructor(name: string, args: PrivateNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:PrivateNetwork", name, args, opts);
    validatePrivateNetworkArgs(args);
    const parent = { parent: this };
    const nat = args.natEgress ?? false;
    const layout = layoutSubnets(args.cidrBlock, args.availabilityZones.length, nat);
    this.vpc = new aws.ec2.Vpc(
      `${name}-vpc`,
      {
        cidrBlock: args.cidrBlock,
        enableDnsHostnames: true,
        enableDnsSupport: true,
        tags: { ...args.tags, Name: name },
      },
      parent,
    );
    const vpcId = this.vpc.id;

    // The default security group allows all traffic between its members; lock it empty (EC2.2).
    new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId, ingress: [], egress: [], tags: args.tags }, parent);

    const subnet = (
      tier: string,
      cidrBlock: string,
      zone: pulumi.Input<string>,
      index: number,
      extraTags: Record<string, string> = {},
    ) =>
      new aws.ec2.Subnet(
        `${name}-${tier}-${index}`,
        {
          vpcId,
          cidrBlock,
          availabilityZone: zone,
          mapPublicIpOnLaunch: false,
          tags: { ...args.tags, ...extraTags, Name: `${name}-${tier}-${index}`, "llmops:tier": tier },
        },
        parent,
      );
    const privateSubnets = layout.private.map((cidr, i) =>
      subnet("private", cidr, args.availabilityZones[i]!, i, {
        ...args.privateSubnetTags,
        "kubernetes.io/role/internal-elb": "1",
      }),
    );
    const dataSubnets = layout.data.map((cidr, i) => subnet("data", cidr, args.availabilityZones[i]!, i));
    const publicSubnets = layout.public.map((cidr, i) => subnet("public", cidr, args.availabilityZones[i]!, i));

    // Allowlisted egress, per zone: workload subnet → firewall endpoint → NAT (public subnet) →
    // internet gateway; the reply comes back the same way because the public subnet routes the
    // workload subnet's range to the firewall endpoint (a route more specific than the VPC's local
    // route), so the stateful engine sees both directions of every flow.
    const firewallRoute: Array<pulumi.Output<string> | undefined> = [];
    if (nat) {
      const firewallSubnets = layout.firewall.map((cidr, i) => subnet("firewall", cidr, args.availabilityZones[i]!, i));
      const firewall = new EgressFirewall(
        `${name}-egress`,
        {
          vpcId,
          subnetIds: firewallSubnets.map((s) => s.id),
          allowlist: args.egressAllowlist ?? [],
          logKeyArn: args.logKeyArn,
          ...(args.flowLogRetentionDays ? { logRetentionDays: args.flowLogRetentionDays } : {}),
          ...(args.tags ? { tags: args.tags } : {}),
        },
        parent,
      );
      this.egressFirewall = firewall;
      const gateway = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId, tags: args.tags }, parent);
      publicSubnets.forEach((publicSubnet, i) => {
        const endpoint = firewall.endpointIdIn(firewallSubnets[i]!.id);
        firewallRoute.push(endpoint);
        const eip = new aws.ec2.Eip(`${name}-nat-eip-${i}`, { domain: "vpc", tags: args.tags }, parent);
        const natGateway = new aws.ec2.NatGateway(
          `${name}-nat-${i}`,
          { allocationId: eip.id, subnetId: publicSubnet.id, tags: args.tags },
          parent,
        );
        const publicRoutes = new aws.ec2.RouteTable(
          `${name}-public-rt-${i}`,
          {
            vpcId,
            routes: [
              { cidrBlock: "0.0.0.0/0", gatewayId: gateway.id },
              { cidrBlock: layout.private[i]!, vpcEndpointId: endpoint },
            ],
            tags: args.tags,
          },
          parent,
        );
        new aws.ec2.RouteTableAssociation(
          `${name}-public-rta-${i}`,
          { subnetId: publicSubnet.id, routeTableId: publicRoutes.id },
          parent,
        );
        const firewallRoutes = new aws.ec2.RouteTable(
          `${name}-firewall-rt-${i}`,
          { vpcId, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: natGateway.id }], tags: args.tags },
          parent,
        );
        new aws.ec2.RouteTableAssociation(
          `${name}-firewall-rta-${i}`,
          { subnetId: firewallSubnets[i]!.id, routeTableId: firewallRoutes.id },
          parent,
        );
      });
    }
    const privateRouteTables = [...privateSubnets, ...dataSubnets].map((privateSubnet, i) => {
      const zoneIndex = i % privateSubnets.length;
      const endpoint = firewallRoute[zoneIndex];
      const table = new aws.ec2.RouteTable(
        `${name}-private-rt-${i}`,
        {
          vpcId,
          // Data subnets never route to the internet; workload subnets only through the firewall when allowed.
          routes: endpoint && i < privateSubnets.length ? [{ cidrBlock: "0.0.0.0/0", vpcEndpointId: endpoint }] : [],
          tags: args.tags,
        },
        parent,
      );
      new aws.ec2.RouteTableAssociation(
        `${name}-private-rta-${i}`,
        { subnetId: privateSubnet.id, routeTableId: table.id },
        parent,
      );
      return table;
    });

    this.endpointSecurityGroup = new aws.ec2.SecurityGroup(
      `${name}-endpoints-sg`,
      {
        vpcId,
        description: "HTTPS from inside the VPC to interface endpoints",
        ingress: [
          {
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrBlocks: [args.cidrBlock],
            description: "VPC to endpoints",
          },
        ],
        egress: [],
        tags: args.tags,
      },
      parent,
    );
    this.endpointIds = {};
    for (const service of args.endpointServices) {
      const serviceName = pulumi.interpolate`com.amazonaws.${args.region}.${service}`;
      const endpoint = GATEWAY_ENDPOINTS.has(service)
        ? new aws.ec2.VpcEndpoint(
            `${name}-vpce-${service.replace(/\W/g, "-")}`,
            {
              vpcId,
              serviceName,
              vpcEndpointType: "Gateway",
              routeTableIds: privateRouteTables.map((table) => table.id),
              tags: args.tags,
            },
            parent,
          )
        : new aws.ec2.VpcEndpoint(
            `${name}-vpce-${service.replace(/\W/g, "-")}`,
            {
              vpcId,
              serviceName,
              vpcEndpointType: "Interface",
              privateDnsEnabled: true,
              subnetIds: privateSubnets.map((s) => s.id),
              securityGroupIds: [this.endpointSecurityGroup.id],
              tags: args.tags,
            },
            parent,
          );
      this.endpointIds[service] = endpoint.id;
    }

    const flowLogGroup = new aws.cloudwatch.LogGroup(
      `${name}-flow-logs`,
      {
        retentionInDays: args.flowLogRetentionDays ?? 365,
        kmsKeyId: args.logKeyArn,
        tags: args.tags,
      },
      parent,
    );
    const flowLogRole = new aws.iam.Role(
      `${name}-flow-logs-role`,
      { assumeRolePolicy: JSON.stringify(serviceTrustPolicy("vpc-flow-logs.amazonaws.com")), tags: args.tags },
      parent,
    );
    new aws.iam.RolePolicy(
      `${name}-flow-logs-policy`,
      {
        role: flowLogRole.id,
        policy: flowLogGroup.arn.apply((arn) =>
          JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: [arn, `${arn}:*`],
              },
            ],
          }),
        ),
      },
      parent,
    );
    new aws.ec2.FlowLog(
      `${name}-flow-log`,
      {
        vpcId,
        trafficType: "ALL",
        logDestinationType: "cloud-watch-logs",
        logDestination: flowLogGroup.arn,
        iamRoleArn: flowLogRole.arn,
        tags: args.tags,
      },
      parent,
    );

    this.privateSubnetIds = privateSubnets.map((s) => s.id);
    this.dataSubnetIds = dataSubnets.map((s) => s.id);
    this.publicSubnetIds = publicSubnets.map((s) => s.id);
    this.registerOutputs({
      vpcId: this.vpc.id,
      privateSubnetIds: this.privateSubnetIds,
      dataSubnetIds: this.dataSubnetIds,
    });
  }
}
