package llmops.runtime.aws.no_public_node_ips_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.no_public_node_ips as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"public subnet": {"input": fx.doc([fx.res("aws:ec2/subnet:Subnet", {"mapPublicIpOnLaunch": true})]), "path": "/resources/0/props/mapPublicIpOnLaunch"},
	"template": {"input": fx.doc([fx.res("aws:ec2/launchTemplate:LaunchTemplate", {"networkInterfaces": [{"associatePublicIpAddress": "true"}]})]), "path": "/resources/0/props/networkInterfaces/0/associatePublicIpAddress"},
}

allowed_cases := {
	"private subnet": fx.doc([fx.res("aws:ec2/subnet:Subnet", {"mapPublicIpOnLaunch": false})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-006", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
