package llmops.spec.agent.tool_allowlist_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.agent.tool_allowlist as check

denied_cases := {
	"not enforced": {"input": fx.agent({"toolAllowlistEnforced": false}), "path": "/spec/agent/toolAllowlistEnforced"},
	"no tools": {"input": fx.spec({"pattern": "agent", "agent": {"maxSteps": 10, "toolAllowlistEnforced": true, "tools": []}}), "path": "/spec/agent/tools"},
}

allowed_cases := {
	"enforced": fx.agent({}),
	"another pattern, no tools": fx.spec({"agent": {"tools": []}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-AGENT-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
