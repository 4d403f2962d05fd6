package llmops.spec.data.lineage_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.data.lineage as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["spec/data/sources/0/lineage"]), "path": "/spec/data/sources/0"},
}

allowed_cases := {
	"declared": fx.base,
	"not rag": json.remove(fx.spec({"pattern": "agent", "agent": fx.agent_section}), ["spec/data/sources/0/lineage"]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-DATA-006", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
