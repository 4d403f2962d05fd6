package llmops.spec.agent.step_limit_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.agent.step_limit as check

denied_cases := {
	"missing": {"input": json.remove(fx.agent({}), ["spec/agent/maxSteps"]), "path": "/spec/agent"},
	"too many": {"input": fx.agent({"maxSteps": 500}), "path": "/spec/agent/maxSteps"},
}

allowed_cases := {
	"bounded": fx.agent({}),
	"another pattern, no agent section": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AGENT-003", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
