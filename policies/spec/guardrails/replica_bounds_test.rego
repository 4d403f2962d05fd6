package llmops.spec.guardrails.replica_bounds_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.guardrails.replica_bounds as check

denied_cases := {
	"inverted": {"input": fx.model({"replicas": {"min": 5, "max": 2}}), "path": "/spec/models/0/replicas"},
}

allowed_cases := {
	"ordered": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GUARD-007", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
