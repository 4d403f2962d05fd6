package llmops.spec.model.reproducibility_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.model.reproducibility as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["spec/models/0/reproducibility"]), "path": "/spec/models/0"},
}

allowed_cases := {
	"recorded": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-REPRO-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
