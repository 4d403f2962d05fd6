package llmops.spec.audit.immutable_audit_log_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.audit.immutable_audit_log as check

denied_cases := {
	"disabled": {"input": fx.spec({"observability": {"audit": {"enabled": false}}}), "path": "/spec/observability/audit/enabled"},
	"mutable": {"input": fx.spec({"observability": {"audit": {"immutable": false}}}), "path": "/spec/observability/audit/immutable"},
}

allowed_cases := {
	"on": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-AUDIT-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
