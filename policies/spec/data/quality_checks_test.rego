package llmops.spec.data.quality_checks_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.data.quality_checks as check

denied_cases := {
	"none": {"input": fx.source({"qualityChecks": []}), "path": "/spec/data/sources/0/qualityChecks"},
}

allowed_cases := {
	"checked": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-DATA-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
