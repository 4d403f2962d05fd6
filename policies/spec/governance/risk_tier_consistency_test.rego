package llmops.spec.governance.risk_tier_consistency_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.governance.risk_tier_consistency as check

denied_cases := {
	"minimal in finance": {"input": fx.spec({"useCase": {"regulatedDomain": "finance", "riskTier": "minimal"}, "explainability": {"userFacingExplanations": true}}), "path": "/spec/useCase/riskTier"},
}

allowed_cases := {
	"consistent": fx.base,
	"minimal risk outside regulated domains": fx.spec({"useCase": {"riskTier": "minimal", "regulatedDomain": "none"}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GOV-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
