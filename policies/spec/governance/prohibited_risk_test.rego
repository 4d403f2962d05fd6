package llmops.spec.governance.prohibited_risk_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.governance.prohibited_risk as check

denied_cases := {
	"unacceptable": {"input": fx.spec({"useCase": {"riskTier": "unacceptable"}}), "path": "/spec/useCase/riskTier"},
}

allowed_cases := {
	"limited": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GOV-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
