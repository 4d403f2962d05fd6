package llmops.spec.guardrails.grounding_check_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.guardrails.grounding_check as check

denied_cases := {
	"off": {"input": fx.spec({"guardrails": {"output": {"grounding": false}}}), "path": "/spec/guardrails/output/grounding"},
}

allowed_cases := {
	"on": fx.base,
	"another pattern without grounding": fx.spec({"pattern": "agent", "guardrails": {"output": {"grounding": false}}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-GUARD-003", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
