package llmops.spec.finetuning.weights_encryption_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.finetuning.weights_encryption as check

denied_cases := {
	"provider key": {"input": fx.finetuning({"weightsEncryption": "providerManagedKey"}), "path": "/spec/fineTuning/weightsEncryption"},
}

allowed_cases := {
	"cmk": fx.finetuning({}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-FT-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
