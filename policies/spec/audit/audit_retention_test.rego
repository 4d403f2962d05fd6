package llmops.spec.audit.audit_retention_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.audit.audit_retention as check

denied_cases := {
	"too short": {"input": fx.spec({"observability": {"audit": {"retentionDays": 30}}}), "path": "/spec/observability/audit/retentionDays"},
	"high risk too short": {"input": fx.spec({"useCase": {"riskTier": "high"}}), "path": "/spec/observability/audit/retentionDays"},
}

allowed_cases := {
	"long enough": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-AUDIT-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
