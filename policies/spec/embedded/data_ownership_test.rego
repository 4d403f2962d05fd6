package llmops.spec.embedded.data_ownership_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.embedded.data_ownership as check

denied_cases := {
	"missing": {"input": json.remove(fx.embedded({}), ["spec/embedded/dataOwnership"]), "path": "/spec/embedded"},
}

allowed_cases := {
	"recorded": fx.embedded({}),
	"another pattern, no embedded section": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EMB-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
