package llmops.spec.finetuning.dataset_lineage_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.finetuning.dataset_lineage as check

denied_cases := {
	"missing": {"input": json.remove(fx.finetuning({}), ["spec/fineTuning/datasets/0/lineage"]), "path": "/spec/fineTuning/datasets/0"},
}

allowed_cases := {
	"traced": fx.finetuning({}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-FT-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
