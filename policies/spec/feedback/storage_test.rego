package llmops.spec.feedback.storage_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.feedback.storage as check

denied_cases := {
	"too long": {"input": fx.spec({"humanFeedback": {"retentionDays": 3000}}), "path": "/spec/humanFeedback/retentionDays"},
	"no readers": {"input": fx.spec({"humanFeedback": {"accessRoles": []}}), "path": "/spec/humanFeedback/accessRoles"},
}

allowed_cases := {
	"bounded": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-FB-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
