package llmops.spec.data.quality_checks_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.data.quality_checks as check

denied_cases := {
	"none": {"input": fx.source({"qualityChecks": []}), "path": "/spec/data/sources/0/qualityChecks"},
}

allowed_cases := {
	"checked": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-DATA-003", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
