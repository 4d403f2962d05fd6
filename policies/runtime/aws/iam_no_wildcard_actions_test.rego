package llmops.runtime.aws.iam_no_wildcard_actions_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.iam_no_wildcard_actions as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"service star": {"input": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\"}]}"})]), "path": "/resources/0/props/policy"},
}

allowed_cases := {
	"exact": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::b/*\"}]}"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-022", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
