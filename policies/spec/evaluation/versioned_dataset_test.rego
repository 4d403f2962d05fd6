package llmops.spec.evaluation.versioned_dataset_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evaluation.versioned_dataset as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["spec/models/0/evaluation/dataset"]), "path": "/spec/models/0/evaluation"},
}

allowed_cases := {
	"versioned": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVAL-005", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
