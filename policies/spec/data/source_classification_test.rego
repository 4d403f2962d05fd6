package llmops.spec.data.source_classification_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.data.source_classification as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["spec/data/sources/0/classification"]), "path": "/spec/data/sources/0"},
}

allowed_cases := {
	"classified": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-DATA-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
