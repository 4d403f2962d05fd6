package llmops.spec.guardrails.token_ceilings_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.guardrails.token_ceilings as check

denied_cases := {
	"huge output": {"input": fx.model({"limits": {"maxOutputTokens": 100000}}), "path": "/spec/models/0/limits/maxOutputTokens"},
}

allowed_cases := {
	"within": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-GUARD-005", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
