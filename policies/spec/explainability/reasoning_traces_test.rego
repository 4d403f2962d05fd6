package llmops.spec.explainability.reasoning_traces_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.explainability.reasoning_traces as check

denied_cases := {
	"full unredacted": {"input": fx.spec({"explainability": {"reasoningTraces": "full"}, "privacy": {"piiRedaction": {"logs": false}}}), "path": "/spec/explainability/reasoningTraces"},
}

allowed_cases := {
	"summary": fx.base,
	"full redacted": fx.spec({"explainability": {"reasoningTraces": "full"}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EXPL-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
