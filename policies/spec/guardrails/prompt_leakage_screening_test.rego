package llmops.spec.guardrails.prompt_leakage_screening_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.guardrails.prompt_leakage_screening as check

denied_cases := {
	"public without screening": {"input": fx.spec({"guardrails": {"output": {"systemPromptLeakage": false}}}), "path": "/spec/guardrails/output/systemPromptLeakage"},
}

allowed_cases := {
	"public with screening": fx.spec({"guardrails": {"output": {"systemPromptLeakage": true}}}),
	"internal without screening": fx.internal_audience({"guardrails": {"output": {"systemPromptLeakage": false}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GUARD-011", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
