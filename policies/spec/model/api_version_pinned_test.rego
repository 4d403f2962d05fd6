package llmops.spec.model.api_version_pinned_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.model.api_version_pinned as check

denied_cases := {
	"unpinned": {"input": fx.model({"source": {"type": "bedrock", "uri": "bedrock://anthropic.claude"}, "serving": {"runtime": "external"}}), "path": "/spec/models/0/source"},
}

allowed_cases := {
	"self hosted": fx.base,
	"pinned": fx.model({"source": {"type": "bedrock", "uri": "bedrock://anthropic.claude", "version": "2025-01-01"}, "serving": {"runtime": "external"}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-MODEL-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
