package llmops.spec.finetuning.dataset_bias_scan_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.finetuning.dataset_bias_scan as check

denied_cases := {
	"unscanned": {"input": fx.finetuning({"datasets": [object.union(fx.finetuning_section.datasets[0], {"biasScan": false})]}), "path": "/spec/fineTuning/datasets/0/biasScan"},
}

allowed_cases := {
	"scanned": fx.finetuning({}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-FT-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
