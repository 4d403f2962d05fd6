package llmops.runtime.aws.sqs_encrypted_test

import data.llmops.runtime.aws.sqs_encrypted as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"plain": {"input": fx.doc([fx.res("aws:sqs/queue:Queue", {})]), "path": "/resources/0/props/kmsMasterKeyId"},
	"empty key": {"input": fx.doc([fx.res("aws:sqs/queue:Queue", {"kmsMasterKeyId": ""})]), "path": "/resources/0/props/kmsMasterKeyId"},
}

allowed_cases := {
	"kms": fx.doc([fx.res("aws:sqs/queue:Queue", {"kmsMasterKeyId": "k"})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-027", tc.path]}
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
