package llmops.spec.guardrails.prompt_leakage_screening_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.guardrails.prompt_leakage_screening as check

denied_cases := {
	"public without screening": {"input": fx.spec({"guardrails": {"output": {"systemPromptLeakage": false}}}), "path": "/spec/guardrails/output/systemPromptLeakage"},
}

allowed_cases := {
	"public with screening": fx.spec({"guardrails": {"output": {"systemPromptLeakage": true}}}),
	"internal without screening": fx.internal_audience({"guardrails": {"output": {"systemPromptLeakage": false}}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-GUARD-011", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
