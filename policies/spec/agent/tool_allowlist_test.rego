package llmops.spec.agent.tool_allowlist_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.agent.tool_allowlist as check

denied_cases := {
	"not enforced": {"input": fx.agent({"toolAllowlistEnforced": false}), "path": "/spec/agent/toolAllowlistEnforced"},
	"no tools": {"input": fx.spec({"pattern": "agent", "agent": {"maxSteps": 10, "toolAllowlistEnforced": true, "tools": []}}), "path": "/spec/agent/tools"},
}

allowed_cases := {
	"enforced": fx.agent({}),
	"another pattern, no tools": fx.spec({"agent": {"tools": []}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AGENT-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
