package llmops.spec.feedback.capture_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.feedback.capture as check

denied_cases := {
	"none": {"input": fx.spec({"humanFeedback": {"capture": []}}), "path": "/spec/humanFeedback/capture"},
}

allowed_cases := {
	"captured": fx.base,
	"internal": fx.spec({"useCase": {"audience": "internal"}, "network": {"publicIngress": {"inference": false}}, "humanFeedback": {"capture": []}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-FB-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
