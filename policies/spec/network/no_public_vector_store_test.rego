package llmops.spec.network.no_public_vector_store_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.network.no_public_vector_store as check

denied_cases := {
	"public": {"input": fx.spec({"network": {"publicIngress": {"vectorStore": true}}}), "path": "/spec/network/publicIngress/vectorStore"},
}

allowed_cases := {
	"private": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-NET-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
