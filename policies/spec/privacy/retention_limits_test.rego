package llmops.spec.privacy.retention_limits_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.privacy.retention_limits as check

denied_cases := {
	"prompts kept a year": {"input": fx.spec({"data": {"retention": {"promptsDays": 365}}}), "path": "/spec/data/retention/promptsDays"},
	"logs kept ten years": {"input": fx.spec({"data": {"retention": {"logsDays": 3650}}}), "path": "/spec/data/retention/logsDays"},
}

allowed_cases := {
	"within limits": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-PRIV-006", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
