package llmops.runtime.aws.iam_role_trust_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.iam_role_trust as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"star": {"input": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}})]), "path": "/resources/0/props/assumeRolePolicy"},
	"star with wildcard action": {"input": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole*\"}]}"})]), "path": "/resources/0/props/assumeRolePolicy"},
	"star with a wildcard-only condition": {"input": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRoleWithSAML", "Condition": {"StringLike": {"aws:PrincipalArn": "*"}}}]}})]), "path": "/resources/0/props/assumeRolePolicy"},
	"foreign account": {"input": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999988887777:root"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]}})]), "path": "/resources/0/props/assumeRolePolicy"},
}

allowed_cases := {
	"the account that owns the stack's keys": fx.doc([
		fx.res("aws:iam/role:Role", {"assumeRolePolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::222233334444:root"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}}),
		fx.res("aws:cloudwatch/logGroup:LogGroup", {"kmsKeyId": "arn:aws:kms:eu-west-1:222233334444:key/abc"}),
	]),
	"service": fx.doc([fx.node_role]),
	"anyone may tag a session, not assume the role": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["sts:TagSession", "sts:SetSourceIdentity"]}]}})]),
	"own account": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/admin"}, "Action": "sts:AssumeRole"}]}})]),
	"foreign account with external id": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "999988887777"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "vendor-42"}}}]}})]),
	"star in the organisation": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}]}})]),
	"deny star": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"}]}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-032", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
