package llmops.spec.model.weights_digest_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.model.weights_digest as check

denied_cases := {
	"no digest": {"input": json.remove(fx.base, ["spec/models/0/source/digest"]), "path": "/spec/models/0/source"},
}

allowed_cases := {
	"pinned": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-MODEL-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
