package llmops.spec.explainability.human_escalation_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.explainability.human_escalation as check

escalation := {"channel": "https://claims.example.com/appeal", "responseHours": 48}

regulated(role, explainability) := fx.spec({
	"useCase": {"regulatedDomain": "insurance", "decisionRole": role},
	"explainability": object.union({"userFacingExplanations": true}, explainability),
})

denied_cases := {
	"claims bot explains, no appeal path": {"input": regulated("explains", {}), "path": "/spec/explainability"},
	"recommends without escalation": {"input": regulated("recommends", {}), "path": "/spec/explainability"},
	"decides without escalation": {"input": regulated("decides", {}), "path": "/spec/explainability"},
}

allowed_cases := {
	"explains with an appeal path": regulated("explains", {"humanEscalation": escalation}),
	"no decisions about people": regulated("none", {}),
	"not a regulated domain": fx.spec({"useCase": {"regulatedDomain": "none", "decisionRole": "explains"}}),
	"field absent": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EXPL-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
