package llmops.spec.agent.high_impact_approval_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.agent.high_impact_approval as check

denied_cases := {
	"unapproved": {"input": fx.agent({"tools": [{"name": "refund", "impact": "high", "permissions": ["payments:refund"], "requiresApproval": false}]}), "path": "/spec/agent/tools/0/requiresApproval"},
}

allowed_cases := {
	"approved": fx.agent({}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AGENT-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
