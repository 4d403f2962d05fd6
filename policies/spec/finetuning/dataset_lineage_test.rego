package llmops.spec.finetuning.dataset_lineage_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.finetuning.dataset_lineage as check

denied_cases := {
	"missing": {"input": json.remove(fx.finetuning({}), ["spec/fineTuning/datasets/0/lineage"]), "path": "/spec/fineTuning/datasets/0"},
}

allowed_cases := {
	"traced": fx.finetuning({}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-FT-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
