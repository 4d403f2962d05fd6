package llmops.spec.data.freshness_sla_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.data.freshness_sla as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["spec/data/sources/0/freshnessSla"]), "path": "/spec/data/sources/0"},
}

allowed_cases := {
	"declared": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-DATA-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
