package llmops.spec.guardrails.output_guardrails_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.guardrails.output_guardrails as check

denied_cases := {
	"no toxicity": {"input": fx.spec({"guardrails": {"output": {"toxicity": false}}}), "path": "/spec/guardrails/output/toxicity"},
}

allowed_cases := {
	"on": fx.base,
	"internal": fx.spec({"useCase": {"audience": "internal"}, "network": {"publicIngress": {"inference": false}}, "guardrails": {"output": {"toxicity": false}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GUARD-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
