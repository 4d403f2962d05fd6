package llmops.spec.agent.tool_permissions_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.agent.tool_permissions as check

denied_cases := {
	"wildcard": {"input": fx.agent({"tools": [{"name": "shell", "impact": "low", "permissions": ["*"], "requiresApproval": false}]}), "path": "/spec/agent/tools/0/permissions/0"},
}

allowed_cases := {
	"scoped": fx.agent({}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-AGENT-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
