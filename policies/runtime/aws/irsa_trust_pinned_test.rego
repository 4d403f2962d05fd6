package llmops.runtime.aws.irsa_trust_pinned_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.irsa_trust_pinned as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"wildcard sub": {"input": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":{\"oidc:sub\":\"system:serviceaccount:*:*\"}}}]}"})]), "path": "/resources/0/props/assumeRolePolicy"},
	"wildcard action, no condition": {"input": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": {"Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"}, "Action": "sts:AssumeRole*"}]}})]), "path": "/resources/0/props/assumeRolePolicy"},
}

allowed_cases := {
	"pinned": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"oidc:sub\":\"system:serviceaccount:ns:sa\",\"oidc:aud\":\"sts.amazonaws.com\"}}}]}"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-024", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
