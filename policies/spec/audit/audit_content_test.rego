package llmops.spec.audit.audit_content_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.audit.audit_content as check

denied_cases := {
	"no model version": {"input": fx.spec({"observability": {"audit": {"recordModelVersion": false}}}), "path": "/spec/observability/audit/recordModelVersion"},
}

allowed_cases := {
	"recorded": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AUDIT-003", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
