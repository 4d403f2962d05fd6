package llmops.spec.explainability.reasoning_traces_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.explainability.reasoning_traces as check

denied_cases := {
	"full unredacted": {"input": fx.spec({"explainability": {"reasoningTraces": "full"}, "privacy": {"piiRedaction": {"logs": false}}}), "path": "/spec/explainability/reasoningTraces"},
}

allowed_cases := {
	"summary": fx.base,
	"full redacted": fx.spec({"explainability": {"reasoningTraces": "full"}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-EXPL-003", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
