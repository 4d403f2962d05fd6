package llmops.spec.guardrails.token_rate_limits_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.guardrails.token_rate_limits as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["spec/models/0/limits"]), "path": "/spec/models/0"},
}

allowed_cases := {
	"limited": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GUARD-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
