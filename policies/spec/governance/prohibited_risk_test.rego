package llmops.spec.governance.prohibited_risk_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.governance.prohibited_risk as check

denied_cases := {
	"unacceptable": {"input": fx.spec({"useCase": {"riskTier": "unacceptable"}}), "path": "/spec/useCase/riskTier"},
}

allowed_cases := {
	"limited": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-GOV-003", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
