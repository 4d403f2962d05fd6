# METADATA
# title: Security groups admit nothing from the whole internet
# description: >-
#   Ingress from the internet (0.0.0.0/0, ::/0, or ranges that together cover a large share of
#   the address space, such as 0.0.0.0/1 + 128.0.0.0/1) to inference, the vector store or the
#   cluster is an open door. A group's inline rules and its separate ingress-rule resources
#   are judged together.
# scope: package
# custom:
#   id: LLM-AWS-019
#   severity: critical
#   remediation: >-
#     Restrict ingress to security groups or named CIDRs; expose inference only through the
#     gateway.
#   frameworks:
#     aws-fsbp: ["EC2.18", "EC2.19"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.runtime.aws.sg_no_world_ingress

import data.llmops.lib.cidr
import data.llmops.lib.runtime as lib

rule_types := {"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:ec2/securityGroupRule:SecurityGroupRule"}

# A security group whose inline ingress and attached ingress-rule resources admit the internet.
deny contains {"id": "LLM-AWS-019", "msg": msg, "path": lib.resource_pointer(i), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:ec2/securityGroup:SecurityGroup"
	ranges := group_cidrs(resource)
	cidr.open_to_internet(ranges)
	msg := concat("", ["security group ", lib.text(resource.name), " admits the internet through ", lib.text(concat(", ", cidr.public_ranges(ranges)))])
}

# Ingress-rule resources whose group is not in the input, judged with the other rules that
# name the same group id.
deny contains {"id": "LLM-AWS-019", "msg": msg, "path": lib.resource_pointer(i), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in rule_types
	ingress(resource)
	not attached_to_known_group(resource)
	ranges := {c | some other in ingress_rules; group_key(other) == group_key(resource); some c in rule_cidrs(other)}
	cidr.open_to_internet(ranges)
	msg := concat("", ["security group rule ", lib.text(resource.name), " admits the internet through ", lib.text(concat(", ", cidr.public_ranges(ranges)))])
}

ingress(rule) if rule.type == "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"

ingress(rule) if {
	rule.type == "aws:ec2/securityGroupRule:SecurityGroupRule"
	object.get(rule.props, "type", "ingress") == "ingress"
}

ingress_rules contains rule if {
	some rule in input.resources
	rule.type in rule_types
	ingress(rule)
}

# Every CIDR field a rule may carry, IPv4 and IPv6, single or list.
rule_cidrs(rule) := array.concat(
	array.concat(lib.as_array(object.get(rule.props, "cidrIpv4", [])), lib.as_array(object.get(rule.props, "cidrIpv6", []))),
	array.concat(object.get(rule.props, "cidrBlocks", []), object.get(rule.props, "ipv6CidrBlocks", [])),
)

group_cidrs(group) := {c |
	some rule in object.get(group.props, "ingress", [])
	some c in array.concat(object.get(rule, "cidrBlocks", []), object.get(rule, "ipv6CidrBlocks", []))
} | {c |
	some rule in ingress_rules
	lib.references(rule, "securityGroupId", group)
	some c in rule_cidrs(rule)
}

attached_to_known_group(rule) if {
	some group in input.resources
	group.type == "aws:ec2/securityGroup:SecurityGroup"
	lib.references(rule, "securityGroupId", group)
}

group_key(rule) := rule.props.securityGroupId if is_string(object.get(rule.props, "securityGroupId", null))

group_key(rule) := rule.urn if not is_string(object.get(rule.props, "securityGroupId", null))
