package llmops.runtime.aws.eks_secrets_encryption_test

import data.llmops.runtime.aws.eks_secrets_encryption as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"none": {"input": fx.doc([fx.res("aws:eks/cluster:Cluster", {})]), "path": "/resources/0/props/encryptionConfig"},
}

allowed_cases := {
	"kms": fx.doc([fx.res("aws:eks/cluster:Cluster", {"encryptionConfig": {"resources": ["secrets"], "provider": {"keyArn": "arn:aws:kms:eu-west-1:1:key/k"}}})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-002", tc.path]}
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
