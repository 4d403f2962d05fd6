package llmops.spec.explainability.rag_citations_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.explainability.rag_citations as check

denied_cases := {
	"off": {"input": fx.spec({"explainability": {"citations": false}}), "path": "/spec/explainability/citations"},
}

allowed_cases := {
	"on": fx.base,
	"another pattern without citations": fx.spec({"pattern": "agent", "explainability": {"citations": false}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-EXPL-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
