package llmops.spec.guardrails.replica_bounds_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.guardrails.replica_bounds as check

denied_cases := {
	"inverted": {"input": fx.model({"replicas": {"min": 5, "max": 2}}), "path": "/spec/models/0/replicas"},
}

allowed_cases := {
	"ordered": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-GUARD-007", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
