package llmops.runtime.kubernetes.vector_db_isolated_test

import data.llmops.runtime.kubernetes.vector_db_isolated as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"open": {"input": fx.doc([fx.labelled(fx.with_container({"image": "registry.internal.example.com/platform/qdrant@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}), {"llmops.dev/role": "vector-db"})]), "path": "/resources/0/props/metadata"},
	"any pod allowed": {"input": fx.doc([fx.labelled(fx.with_container({"image": "registry.internal.example.com/platform/qdrant@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}), {"llmops.dev/role": "vector-db"}), fx.network_policy({"podSelector": {"matchLabels": {"llmops.dev/role": "vector-db"}}, "policyTypes": ["Ingress"], "ingress": [{"from": [{"podSelector": {}}]}]})]), "path": "/resources/0/props/metadata"},
}

allowed_cases := {
	"retriever only": fx.doc([fx.labelled(fx.with_container({"image": "registry.internal.example.com/platform/qdrant@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}), {"llmops.dev/role": "vector-db"}), fx.network_policy({"podSelector": {"matchLabels": {"llmops.dev/role": "vector-db"}}, "policyTypes": ["Ingress"], "ingress": [{"from": [{"podSelector": {"matchLabels": {"llmops.dev/role": "retrieval"}}}]}]})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-025", tc.path]}
	every f in found { f.resource != "" }
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}

# The denied inputs with every resource retyped to a type no check knows yield nothing.
test_other_types_pass[note] if {
	some note, tc in denied_cases
	found := check.deny with input as fx.retyped(tc.input)
	count(found) == 0
}
