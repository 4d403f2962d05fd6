package llmops.runtime.aws.default_sg_locked_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.default_sg_locked as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"open": {"input": fx.doc([fx.res("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", {"ingress": [{"protocol": "-1", "self": true, "fromPort": 0, "toPort": 0}]})]), "path": "/resources/0/props/ingress"},
}

allowed_cases := {
	"locked": fx.doc([fx.res("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", {"ingress": [], "egress": []})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-020", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
