package llmops.spec.governance.risk_tier_consistency_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.governance.risk_tier_consistency as check

denied_cases := {
	"minimal in finance": {"input": fx.spec({"useCase": {"regulatedDomain": "finance", "riskTier": "minimal"}, "explainability": {"userFacingExplanations": true}}), "path": "/spec/useCase/riskTier"},
}

allowed_cases := {
	"consistent": fx.base,
	"minimal risk outside regulated domains": fx.spec({"useCase": {"riskTier": "minimal", "regulatedDomain": "none"}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-GOV-004", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
