package llmops.spec.data.source_classification_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.data.source_classification as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["spec/data/sources/0/classification"]), "path": "/spec/data/sources/0"},
}

allowed_cases := {
	"classified": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-DATA-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
