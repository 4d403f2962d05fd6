package llmops.spec.agent.high_impact_approval_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.agent.high_impact_approval as check

denied_cases := {
	"unapproved": {"input": fx.agent({"tools": [{"name": "refund", "impact": "high", "permissions": ["payments:refund"], "requiresApproval": false}]}), "path": "/spec/agent/tools/0/requiresApproval"},
}

allowed_cases := {
	"approved": fx.agent({}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-AGENT-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
