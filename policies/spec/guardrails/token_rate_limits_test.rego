package llmops.spec.guardrails.token_rate_limits_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.guardrails.token_rate_limits as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["spec/models/0/limits"]), "path": "/spec/models/0"},
}

allowed_cases := {
	"limited": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-GUARD-004", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
