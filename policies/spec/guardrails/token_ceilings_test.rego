package llmops.spec.guardrails.token_ceilings_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.guardrails.token_ceilings as check

denied_cases := {
	"huge output": {"input": fx.model({"limits": {"maxOutputTokens": 100000}}), "path": "/spec/models/0/limits/maxOutputTokens"},
}

allowed_cases := {
	"within": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GUARD-005", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
