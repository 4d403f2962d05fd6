package llmops.spec.guardrails.input_guardrails_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.guardrails.input_guardrails as check

denied_cases := {
	"no injection screen": {"input": fx.spec({"guardrails": {"input": {"promptInjection": false}}}), "path": "/spec/guardrails/input/promptInjection"},
	"no pii screen": {"input": fx.spec({"guardrails": {"input": {"pii": false}}}), "path": "/spec/guardrails/input/pii"},
}

allowed_cases := {
	"all on": fx.base,
	"internal audience without pii and toxicity screening": fx.internal_audience({"guardrails": {"input": {"pii": false, "toxicity": false}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GUARD-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
