package llmops.spec.explainability.regulated_explanations_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.explainability.regulated_explanations as check

denied_cases := {
	"insurance without": {"input": fx.spec({"useCase": {"regulatedDomain": "insurance"}}), "path": "/spec/explainability/userFacingExplanations"},
}

allowed_cases := {
	"not regulated": fx.base,
	"explained": fx.spec({"useCase": {"regulatedDomain": "health"}, "explainability": {"userFacingExplanations": true}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EXPL-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
