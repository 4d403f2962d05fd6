/**
 * The egress allowlist on AWS, where it holds: an AWS Network Firewall in its own subnets,
 * between the workload subnets and the NAT gateways (the "NAT gateway behind the firewall"
 * deployment model of the AWS Network Firewall developer guide). A stateful domain-list rule
 * group allows the spec's host names on TLS SNI and HTTP Host; the policy runs the stateful
 * engine in strict order with `aws:drop_established`, so everything else (other host names,
 * other protocols, TLS without SNI) is dropped, and every packet the stateless engine sees is
 * forwarded to it. Alerts and flows are logged to KMS-encrypted CloudWatch log groups.
 *
 * PrivateNetwork builds it and routes through it; this module keeps the rule documents as pure
 * functions so tests (and `llmops plan`) can read exactly what the firewall enforces.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { allowlistDomain, validateAllowlist } from "../egress-domains.js";

/**
 * Capacity of the domain-list rule group. The capacity guide estimates a domain list as one
 * unit per domain and target type; the spec allows 64 host names (network.egress.allowlist
 * maxItems) on two target types, so 200 leaves room. Capacity is fixed at creation.
 */
export const DOMAIN_RULE_GROUP_CAPACITY = 200;

/** The protocols the domain list inspects: the SNI of a TLS ClientHello and the HTTP Host header. */
export const DOMAIN_TARGET_TYPES = ["TLS_SNI", "HTTP_HOST"] as const;

/**
 * A spec host name as Network Firewall's domain list writes it. The spec writes a wildcard as
 * `*.example.com`; Network Firewall matches a domain and its subdomains with a leading dot
 * (`.example.com`) and refuses `*`. Throws a RangeError on anything else that is not a host name.
 */
export function networkFirewallDomain(host: string): string {
  return allowlistDomain(host);
}

/** The stateful rule group document (RuleGroup.ruleGroup) that allows exactly `allowlist`. */
export function domainAllowlistRuleGroup(
  allowlist: readonly string[],
): aws.types.input.networkfirewall.RuleGroupRuleGroup {
  return {
    rulesSource: {
      rulesSourceList: {
        generatedRulesType: "ALLOWLIST",
        targetTypes: [...DOMAIN_TARGET_TYPES],
        targets: [...new Set(allowlist.map(networkFirewallDomain))].sort(),
      },
    },
    statefulRuleOptions: { ruleOrder: "STRICT_ORDER" },
  };
}

/**
 * The firewall policy document: the stateless engine forwards every packet and fragment to the
 * stateful engine (no stateless pass), which evaluates the allowlist in strict order and drops
 * established flows no rule passed (`aws:drop_established`: the handshake completes so the SNI or
 * Host can be read, then the flow is dropped), alerting on them.
 */
export function egressFirewallPolicy(
  ruleGroupArn: pulumi.Input<string>,
): aws.types.input.networkfirewall.FirewallPolicyFirewallPolicy {
  return {
    statelessDefaultActions: ["aws:forward_to_sfe"],
    statelessFragmentDefaultActions: ["aws:forward_to_sfe"],
    statefulEngineOptions: { ruleOrder: "STRICT_ORDER" },
    statefulDefaultActions: ["aws:drop_established", "aws:alert_established"],
    statefulRuleGroupReferences: [{ resourceArn: ruleGroupArn, priority: 100 }],
  };
}

export interface EgressFirewallArgs {
  /** VPC the firewall inspects; its endpoints go in `subnetIds`. */
  readonly vpcId: pulumi.Input<string>;
  /** One firewall subnet per availability zone (a /28 each, nothing else in them). */
  readonly subnetIds: readonly pulumi.Input<string>[];
  /** Host names (spec network.egress.allowlist; `*.` prefix for subdomains). At least one. */
  readonly allowlist: readonly string[];
  /** KMS key for the alert and flow log groups. */
  readonly logKeyArn: pulumi.Input<string>;
  /** Retention of the alert and flow logs. @default 365 */
  readonly logRetentionDays?: number;
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/** Throws InputPropertyError (propertyPath `allowlist` or `subnetIds`) on arguments the firewall cannot be built from. */
export function validateEgressFirewallArgs(args: EgressFirewallArgs): void {
  validateAllowlist(
    args.allowlist,
    "an egress firewall needs at least one allowed host name; without egress, build no NAT",
  );
  if (args.subnetIds.length === 0)
    throw new pulumi.InputPropertyError({
      propertyPath: "subnetIds",
      reason: "the firewall needs one subnet per availability zone",
    });
}

/** AWS Network Firewall enforcing a domain allowlist on the VPC's outbound traffic. */
export class EgressFirewall extends pulumi.ComponentResource {
  readonly firewall: aws.networkfirewall.Firewall;
  readonly ruleGroup: aws.networkfirewall.RuleGroup;

  constructor(name: string, args: EgressFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:EgressFirewall", name, args, opts);
    validateEgressFirewallArgs(args);
    const parent = { parent: this };
    this.ruleGroup = new aws.networkfirewall.RuleGroup(
      `${name}-domains`,
      {
        type: "STATEFUL",
        capacity: DOMAIN_RULE_GROUP_CAPACITY,
        description: "Egress allowlist from the llmops spec (network.egress.allowlist)",
        ruleGroup: domainAllowlistRuleGroup(args.allowlist),
        tags: args.tags,
      },
      parent,
    );
    const policy = new aws.networkfirewall.FirewallPolicy(
      `${name}-policy`,
      { firewallPolicy: egressFirewallPolicy(this.ruleGroup.arn), tags: args.tags },
      parent,
    );
    this.firewall = new aws.networkfirewall.Firewall(
      `${name}-firewall`,
      {
        vpcId: args.vpcId,
        firewallPolicyArn: policy.arn,
        subnetMappings: args.subnetIds.map((subnetId) => ({ subnetId })),
        deleteProtection: true,
        subnetChangeProtection: true,
        tags: args.tags,
      },
      parent,
    );
    const logGroup = (kind: string) =>
      new aws.cloudwatch.LogGroup(
        `${name}-${kind}-logs`,
        { retentionInDays: args.logRetentionDays ?? 365, kmsKeyId: args.logKeyArn, tags: args.tags },
        parent,
      );
    const alerts = logGroup("alert");
    const flows = logGroup("flow");
    new aws.networkfirewall.LoggingConfiguration(
      `${name}-logging`,
      {
        firewallArn: this.firewall.arn,
        loggingConfiguration: {
          logDestinationConfigs: [
            { logType: "ALERT", logDestinationType: "CloudWatchLogs", logDestination: { logGroup: alerts.name } },
            { logType: "FLOW", logDestinationType: "CloudWatchLogs", logDestination: { logGroup: flows.name } },
          ],
        },
      },
      parent,
    );
    this.registerOutputs({ firewallArn: this.firewall.arn });
  }

  /** The firewall's VPC endpoint in `subnetId` (read from its status once AWS has created it). */
  endpointIdIn(subnetId: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.all([this.firewall.firewallStatuses, subnetId]).apply(([statuses, subnet]) => {
      const attachment = statuses
        .flatMap((status) => status.syncStates)
        .flatMap((state) => state.attachments)
        .find((candidate) => candidate.subnetId === subnet);
      if (!attachment) throw new Error(`the network firewall reports no endpoint in subnet ${subnet}`);
      return attachment.endpointId;
    });
  }
}
