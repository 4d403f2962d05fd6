package llmops.spec.privacy.retention_limits_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.privacy.retention_limits as check

denied_cases := {
	"prompts kept a year": {"input": fx.spec({"data": {"retention": {"promptsDays": 365}}}), "path": "/spec/data/retention/promptsDays"},
	"logs kept ten years": {"input": fx.spec({"data": {"retention": {"logsDays": 3650}}}), "path": "/spec/data/retention/logsDays"},
}

allowed_cases := {
	"within limits": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-PRIV-006", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
