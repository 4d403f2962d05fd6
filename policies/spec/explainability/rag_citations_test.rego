package llmops.spec.explainability.rag_citations_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.explainability.rag_citations as check

denied_cases := {
	"off": {"input": fx.spec({"explainability": {"citations": false}}), "path": "/spec/explainability/citations"},
}

allowed_cases := {
	"on": fx.base,
	"another pattern without citations": fx.spec({"pattern": "agent", "explainability": {"citations": false}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EXPL-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
