package llmops.spec.agent.tool_permissions_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.agent.tool_permissions as check

denied_cases := {
	"wildcard": {"input": fx.agent({"tools": [{"name": "shell", "impact": "low", "permissions": ["*"], "requiresApproval": false}]}), "path": "/spec/agent/tools/0/permissions/0"},
}

allowed_cases := {
	"scoped": fx.agent({}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AGENT-004", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
