package llmops.spec.finetuning.weights_encryption_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.finetuning.weights_encryption as check

denied_cases := {
	"provider key": {"input": fx.finetuning({"weightsEncryption": "providerManagedKey"}), "path": "/spec/fineTuning/weightsEncryption"},
}

allowed_cases := {
	"cmk": fx.finetuning({}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-FT-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
