package llmops.spec.model.weights_digest_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.model.weights_digest as check

denied_cases := {
	"no digest": {"input": json.remove(fx.base, ["spec/models/0/source/digest"]), "path": "/spec/models/0/source"},
}

allowed_cases := {
	"pinned": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-MODEL-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
