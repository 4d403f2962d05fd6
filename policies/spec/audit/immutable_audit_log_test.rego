package llmops.spec.audit.immutable_audit_log_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.audit.immutable_audit_log as check

denied_cases := {
	"disabled": {"input": fx.spec({"observability": {"audit": {"enabled": false}}}), "path": "/spec/observability/audit/enabled"},
	"mutable": {"input": fx.spec({"observability": {"audit": {"immutable": false}}}), "path": "/spec/observability/audit/immutable"},
}

allowed_cases := {
	"on": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AUDIT-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
