package llmops.spec.embedded.ip_terms_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.embedded.ip_terms as check

denied_cases := {
	"missing": {"input": json.remove(fx.embedded({}), ["spec/embedded/ipTerms"]), "path": "/spec/embedded"},
}

allowed_cases := {
	"recorded": fx.embedded({}),
	"another pattern, no embedded section": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-EMB-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
