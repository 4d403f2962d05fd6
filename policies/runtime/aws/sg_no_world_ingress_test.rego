package llmops.runtime.aws.sg_no_world_ingress_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.sg_no_world_ingress as check
import data.llmops.runtime_fixtures_test as fx

sg := "aws:ec2/securityGroup:SecurityGroup"

ingress_rule := "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"

sg_rule := "aws:ec2/securityGroupRule:SecurityGroupRule"

# A group named "web" and rules that point at it by id.
named_group(ingress) := object.union(fx.res(sg, {"ingress": ingress}), {"id": "sg-web", "name": "web"})

denied_cases := {
	"inline": {"input": fx.doc([fx.res(sg, {"ingress": [{"fromPort": 443, "toPort": 443, "protocol": "tcp", "cidrBlocks": ["0.0.0.0/0"]}]})]), "path": "/resources/0/props"},
	"inline halves": {"input": fx.doc([fx.res(sg, {"ingress": [{"fromPort": 443, "toPort": 443, "protocol": "tcp", "cidrBlocks": ["0.0.0.0/1", "128.0.0.0/1"]}]})]), "path": "/resources/0/props"},
	"inline ipv6": {"input": fx.doc([fx.res(sg, {"ingress": [{"fromPort": 443, "toPort": 443, "protocol": "tcp", "ipv6CidrBlocks": ["::/0"]}]})]), "path": "/resources/0/props"},
	"rule": {"input": fx.doc([fx.res(ingress_rule, {"cidrIpv4": "0.0.0.0/0", "fromPort": 22})]), "path": "/resources/0/props"},
	"rule ipv6": {"input": fx.doc([fx.res(ingress_rule, {"cidrIpv6": "::/0", "fromPort": 22, "securityGroupId": "sg-1"})]), "path": "/resources/0/props"},
	"legacy rule ipv6": {"input": fx.doc([fx.res(sg_rule, {"type": "ingress", "ipv6CidrBlocks": ["::/0"], "securityGroupId": "sg-1"})]), "path": "/resources/0/props"},
	"halves split over a group's rules": {
		"input": fx.doc([
			named_group([]),
			fx.res(ingress_rule, {"cidrIpv4": "0.0.0.0/1", "securityGroupId": "sg-web"}),
			fx.res(ingress_rule, {"cidrIpv4": "128.0.0.0/1", "securityGroupId": "sg-web"}),
		]),
		"path": "/resources/0/props",
	},
	"two /9s in one rule": {"input": fx.doc([fx.res(sg_rule, {"type": "ingress", "cidrBlocks": ["11.0.0.0/9", "11.128.0.0/9"], "securityGroupId": "sg-1"})]), "path": "/resources/0/props"},
}

allowed_cases := {
	"vpc only": fx.doc([fx.res(sg, {"ingress": [{"fromPort": 443, "toPort": 443, "protocol": "tcp", "cidrBlocks": ["10.0.0.0/16"]}]})]),
	"office range": fx.doc([fx.res(ingress_rule, {"cidrIpv4": "203.0.113.0/24", "securityGroupId": "sg-1"})]),
	"egress to the world": fx.doc([fx.res(sg_rule, {"type": "egress", "cidrBlocks": ["0.0.0.0/0"], "securityGroupId": "sg-1"})]),
	"one half on each of two groups' rules": fx.doc([
		fx.res(ingress_rule, {"cidrIpv4": "11.0.0.0/9", "securityGroupId": "sg-1"}),
		object.union(fx.res(ingress_rule, {"cidrIpv4": "11.128.0.0/9", "securityGroupId": "sg-2"}), {"urn": "urn:other"}),
	]),
	"a group with private rules": fx.doc([
		named_group([{"cidrBlocks": ["10.0.0.0/8"]}]),
		fx.res(ingress_rule, {"cidrIpv6": "fd00::/8", "securityGroupId": "sg-web"}),
	]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-019", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
