package llmops.runtime.aws.sg_no_world_ingress_test

import data.llmops.runtime.aws.sg_no_world_ingress as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"inline": {"input": fx.doc([fx.res("aws:ec2/securityGroup:SecurityGroup", {"ingress": [{"fromPort": 443, "toPort": 443, "protocol": "tcp", "cidrBlocks": ["0.0.0.0/0"]}]})]), "path": "/resources/0/props/ingress/0"},
	"rule": {"input": fx.doc([fx.res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", {"cidrIpv4": "0.0.0.0/0", "fromPort": 22})]), "path": "/resources/0/props"},
}

allowed_cases := {
	"vpc only": fx.doc([fx.res("aws:ec2/securityGroup:SecurityGroup", {"ingress": [{"fromPort": 443, "toPort": 443, "protocol": "tcp", "cidrBlocks": ["10.0.0.0/16"]}]})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-019", tc.path]}
	every f in found { f.resource != "" }
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}

# The denied inputs with every resource retyped to a type no check knows yield nothing.
test_other_types_pass[note] if {
	some note, tc in denied_cases
	found := check.deny with input as fx.retyped(tc.input)
	count(found) == 0
}
