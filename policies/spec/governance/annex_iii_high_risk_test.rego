package llmops.spec.governance.annex_iii_high_risk_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.governance.annex_iii_high_risk as check

use(domain, tier) := fx.spec({"useCase": {"regulatedDomain": domain, "riskTier": tier}})

denied_cases := {
	"employment declared limited": {"input": use("employment", "limited"), "path": "/spec/useCase/riskTier"},
	"credit scoring declared minimal": {"input": use("credit", "minimal"), "path": "/spec/useCase/riskTier"},
	"education declared limited": {"input": use("education", "limited"), "path": "/spec/useCase/riskTier"},
	"essential services declared limited": {"input": use("essentialServices", "limited"), "path": "/spec/useCase/riskTier"},
}

allowed_cases := {
	"employment declared high": use("employment", "high"),
	"credit declared high": use("credit", "high"),
	"no regulated domain": fx.base,
	"legal advice is not an Annex III use": use("legal", "limited"),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GOV-010", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
