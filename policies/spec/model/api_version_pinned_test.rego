package llmops.spec.model.api_version_pinned_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.model.api_version_pinned as check

denied_cases := {
	"unpinned": {"input": fx.model({"source": {"type": "bedrock", "uri": "bedrock://anthropic.claude"}, "serving": {"runtime": "external"}}), "path": "/spec/models/0/source"},
}

allowed_cases := {
	"self hosted": fx.base,
	"pinned": fx.model({"source": {"type": "bedrock", "uri": "bedrock://anthropic.claude", "version": "2025-01-01"}, "serving": {"runtime": "external"}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-MODEL-004", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
