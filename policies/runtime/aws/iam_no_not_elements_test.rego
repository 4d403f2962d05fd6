package llmops.runtime.aws.iam_no_not_elements_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.iam_no_not_elements as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"not action": {"input": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}"})]), "path": "/resources/0/props/policy"},
	"not resource": {"input": fx.doc([fx.res("aws:iam/policy:Policy", {"policy": {"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"}}})]), "path": "/resources/0/props/policy"},
	"role inline": {"input": fx.doc([fx.res("aws:iam/role:Role", {"inlinePolicies": [{"name": "x", "policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":[\"s3:DeleteBucket\"],\"Resource\":\"arn:aws:s3:::b\"}]}"}]})]), "path": "/resources/0/props/inlinePolicies/0/policy"},
}

allowed_cases := {
	"deny with not action": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": {"Statement": [{"Effect": "Deny", "NotAction": "s3:GetObject", "Resource": "*"}]}})]),
	"exact": fx.doc([fx.res("aws:iam/policy:Policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-030", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
