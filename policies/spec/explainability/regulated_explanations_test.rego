package llmops.spec.explainability.regulated_explanations_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.explainability.regulated_explanations as check

denied_cases := {
	"insurance without": {"input": fx.spec({"useCase": {"regulatedDomain": "insurance"}}), "path": "/spec/explainability/userFacingExplanations"},
}

allowed_cases := {
	"not regulated": fx.base,
	"explained": fx.spec({"useCase": {"regulatedDomain": "health"}, "explainability": {"userFacingExplanations": true}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-EXPL-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
