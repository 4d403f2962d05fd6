package llmops.spec.feedback.review_queue_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.feedback.review_queue as check

denied_cases := {
	"no queue": {"input": fx.spec({"humanFeedback": {"reviewQueue": {"enabled": false}}}), "path": "/spec/humanFeedback/reviewQueue/enabled"},
	"customer-facing, nothing captured, no queue": {"input": fx.spec({"humanFeedback": {"capture": [], "reviewQueue": {"enabled": false}}}), "path": "/spec/humanFeedback/reviewQueue/enabled"},
}

allowed_cases := {
	"queue": fx.base,
	"internal, nothing captured, no queue": fx.spec({"useCase": {"audience": "internal"}, "humanFeedback": {"capture": [], "reviewQueue": {"enabled": false}}}),
	"customer-facing, nothing captured, queue on": fx.spec({"humanFeedback": {"capture": []}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-FB-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
