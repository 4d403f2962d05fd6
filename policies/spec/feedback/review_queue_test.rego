package llmops.spec.feedback.review_queue_test

import data.llmops.fixtures_test as fx
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

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-FB-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
