package llmops.runtime.aws.no_public_node_ips_test

import data.llmops.runtime.aws.no_public_node_ips as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"public subnet": {"input": fx.doc([fx.res("aws:ec2/subnet:Subnet", {"mapPublicIpOnLaunch": true})]), "path": "/resources/0/props/mapPublicIpOnLaunch"},
	"template": {"input": fx.doc([fx.res("aws:ec2/launchTemplate:LaunchTemplate", {"networkInterfaces": [{"associatePublicIpAddress": "true"}]})]), "path": "/resources/0/props/networkInterfaces/0/associatePublicIpAddress"},
}

allowed_cases := {
	"private subnet": fx.doc([fx.res("aws:ec2/subnet:Subnet", {"mapPublicIpOnLaunch": false})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-006", tc.path]}
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
