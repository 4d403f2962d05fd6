package llmops.spec.agent.step_limit_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.agent.step_limit as check

denied_cases := {
	"missing": {"input": json.remove(fx.agent({}), ["spec/agent/maxSteps"]), "path": "/spec/agent"},
	"too many": {"input": fx.agent({"maxSteps": 500}), "path": "/spec/agent/maxSteps"},
}

allowed_cases := {
	"bounded": fx.agent({}),
	"another pattern, no agent section": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-AGENT-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
