package llmops.runtime.aws.eks_secrets_encryption_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.eks_secrets_encryption as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"none": {"input": fx.doc([fx.res("aws:eks/cluster:Cluster", {})]), "path": "/resources/0/props/encryptionConfig"},
}

allowed_cases := {
	"kms": fx.doc([fx.res("aws:eks/cluster:Cluster", {"encryptionConfig": {"resources": ["secrets"], "provider": {"keyArn": "arn:aws:kms:eu-west-1:1:key/k"}}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
