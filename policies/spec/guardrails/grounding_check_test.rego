package llmops.spec.guardrails.grounding_check_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.guardrails.grounding_check as check

denied_cases := {
	"off": {"input": fx.spec({"guardrails": {"output": {"grounding": false}}}), "path": "/spec/guardrails/output/grounding"},
}

allowed_cases := {
	"on": fx.base,
	"another pattern without grounding": fx.spec({"pattern": "agent", "guardrails": {"output": {"grounding": false}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GUARD-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
