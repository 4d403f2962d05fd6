package llmops.spec.guardrails.output_guardrails_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.guardrails.output_guardrails as check

denied_cases := {
	"no toxicity": {"input": fx.spec({"guardrails": {"output": {"toxicity": false}}}), "path": "/spec/guardrails/output/toxicity"},
}

allowed_cases := {
	"on": fx.base,
	"internal": fx.spec({"useCase": {"audience": "internal"}, "network": {"publicIngress": {"inference": false}}, "guardrails": {"output": {"toxicity": false}}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-GUARD-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
