package llmops.spec.feedback.capture_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.feedback.capture as check

denied_cases := {
	"none": {"input": fx.spec({"humanFeedback": {"capture": []}}), "path": "/spec/humanFeedback/capture"},
}

allowed_cases := {
	"captured": fx.base,
	"internal": fx.spec({"useCase": {"audience": "internal"}, "network": {"publicIngress": {"inference": false}}, "humanFeedback": {"capture": []}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-FB-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
