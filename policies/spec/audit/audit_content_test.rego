package llmops.spec.audit.audit_content_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.audit.audit_content as check

denied_cases := {
	"no model version": {"input": fx.spec({"observability": {"audit": {"recordModelVersion": false}}}), "path": "/spec/observability/audit/recordModelVersion"},
}

allowed_cases := {
	"recorded": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-AUDIT-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
