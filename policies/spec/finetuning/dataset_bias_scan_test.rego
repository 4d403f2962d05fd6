package llmops.spec.finetuning.dataset_bias_scan_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.finetuning.dataset_bias_scan as check

denied_cases := {
	"unscanned": {"input": fx.finetuning({"datasets": [object.union(fx.finetuning_section.datasets[0], {"biasScan": false})]}), "path": "/spec/fineTuning/datasets/0/biasScan"},
}

allowed_cases := {
	"scanned": fx.finetuning({}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-FT-003", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
