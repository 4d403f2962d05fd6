package llmops.runtime.aws.sqs_encrypted_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.sqs_encrypted as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"plain": {"input": fx.doc([fx.res("aws:sqs/queue:Queue", {})]), "path": "/resources/0/props/kmsMasterKeyId"},
	"empty key": {"input": fx.doc([fx.res("aws:sqs/queue:Queue", {"kmsMasterKeyId": ""})]), "path": "/resources/0/props/kmsMasterKeyId"},
}

allowed_cases := {
	"kms": fx.doc([fx.res("aws:sqs/queue:Queue", {"kmsMasterKeyId": "k"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-027", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
