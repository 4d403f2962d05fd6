package llmops.spec.feedback.storage_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.feedback.storage as check

denied_cases := {
	"too long": {"input": fx.spec({"humanFeedback": {"retentionDays": 3000}}), "path": "/spec/humanFeedback/retentionDays"},
	"no readers": {"input": fx.spec({"humanFeedback": {"accessRoles": []}}), "path": "/spec/humanFeedback/accessRoles"},
}

allowed_cases := {
	"bounded": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-FB-003", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
