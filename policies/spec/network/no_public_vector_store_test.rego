package llmops.spec.network.no_public_vector_store_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.network.no_public_vector_store as check

denied_cases := {
	"public": {"input": fx.spec({"network": {"publicIngress": {"vectorStore": true}}}), "path": "/spec/network/publicIngress/vectorStore"},
}

allowed_cases := {
	"private": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-NET-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
