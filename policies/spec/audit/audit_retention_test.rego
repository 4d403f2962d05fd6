package llmops.spec.audit.audit_retention_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.audit.audit_retention as check

denied_cases := {
	"too short": {"input": fx.spec({"observability": {"audit": {"retentionDays": 30}}}), "path": "/spec/observability/audit/retentionDays"},
	"high risk too short": {"input": fx.spec({"useCase": {"riskTier": "high"}}), "path": "/spec/observability/audit/retentionDays"},
}

allowed_cases := {
	"long enough": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AUDIT-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
