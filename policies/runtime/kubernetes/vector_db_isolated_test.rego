package llmops.runtime.kubernetes.vector_db_isolated_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.vector_db_isolated as check
import data.llmops.runtime_fixtures_test as fx

qdrant := fx.labelled(fx.with_container({"image": "registry.internal.example.com/platform/qdrant@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}), {"llmops.dev/role": "vector-db"})

policy(name, spec) := object.union(fx.network_policy(spec), {"name": name, "urn": concat("::", ["urn:test::kubernetes:networking.k8s.io/v1:NetworkPolicy", name]), "props": {"metadata": {"name": name}}})

retriever_only := policy("retriever", {"podSelector": {"matchLabels": {"llmops.dev/role": "vector-db"}}, "policyTypes": ["Ingress"], "ingress": [{"from": [{"podSelector": {"matchLabels": {"llmops.dev/role": "retrieval"}}}]}]})

beside_retriever_only(spec) := fx.doc([qdrant, retriever_only, policy("extra", spec)])

denied_cases := {
	"open": {"input": fx.doc([qdrant]), "path": "/resources/0/props/metadata"},
	"any pod allowed": {"input": fx.doc([qdrant, fx.network_policy({"podSelector": {"matchLabels": {"llmops.dev/role": "vector-db"}}, "policyTypes": ["Ingress"], "ingress": [{"from": [{"podSelector": {}}]}]})]), "path": "/resources/0/props/metadata"},
	"an allow-all policy beside the restrictive one": {"input": beside_retriever_only({"podSelector": {}, "ingress": [{}]}), "path": "/resources/0/props/metadata"},
	"namespaceSelector {} beside the restrictive one": {"input": beside_retriever_only({"podSelector": {"matchLabels": {"llmops.dev/role": "vector-db"}}, "policyTypes": ["Ingress"], "ingress": [{"from": [{"namespaceSelector": {}, "podSelector": {"matchLabels": {"llmops.dev/role": "retrieval"}}}]}]}), "path": "/resources/0/props/metadata"},
	"an ipBlock beside the restrictive one": {"input": beside_retriever_only({"podSelector": {"matchExpressions": [{"key": "llmops.dev/role", "operator": "Exists"}]}, "ingress": [{"from": [{"ipBlock": {"cidr": "10.0.0.0/8"}}]}]}), "path": "/resources/0/props/metadata"},
	"a second client label that is not a client": {"input": beside_retriever_only({"podSelector": {}, "policyTypes": ["Ingress"], "ingress": [{"from": [{"podSelector": {"matchLabels": {"llmops.dev/role": "chat-ui"}}}]}]}), "path": "/resources/0/props/metadata"},
	"an ipBlock beside a client selector in one peer": {"input": beside_retriever_only({"podSelector": {}, "ingress": [{"from": [{"ipBlock": {"cidr": "10.0.0.0/8"}, "podSelector": {"matchLabels": {"llmops.dev/role": "retrieval"}}}]}]}), "path": "/resources/0/props/metadata"},
	"NotIn the client roles admits everybody else": {"input": beside_retriever_only({"podSelector": {}, "ingress": [{"from": [{"podSelector": {"matchExpressions": [{"key": "llmops.dev/role", "operator": "NotIn", "values": ["retrieval"]}]}}]}]}), "path": "/resources/0/props/metadata"},
	"In with no values": {"input": beside_retriever_only({"podSelector": {}, "ingress": [{"from": [{"podSelector": {"matchExpressions": [{"key": "llmops.dev/role", "operator": "In", "values": []}]}}]}]}), "path": "/resources/0/props/metadata"},
	"a public chart's vector database with no policy": {"input": fx.doc([fx.labelled(fx.with_container({"image": "qdrant/qdrant:v1.12.4"}), {"app.kubernetes.io/name": "qdrant"})]), "path": "/resources/0/props/metadata"},
	"restrictive policy selects other pods only": {"input": fx.doc([fx.labelled(fx.with_container({"image": "milvusdb/milvus:v2.4.0"}), {"app": "milvus"}), retriever_only]), "path": "/resources/0/props/metadata"},
}

allowed_cases := {
	"retriever only": fx.doc([qdrant, retriever_only]),
	"retriever only, with default deny and an egress policy beside it": fx.doc([qdrant, retriever_only, policy("deny", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}), policy("egress", {"podSelector": {}, "policyTypes": ["Egress"], "egress": [{}]})]),
	"a public chart's labels, selected by expression": fx.doc([fx.labelled(fx.with_container({"image": "qdrant/qdrant:v1.12.4"}), {"app.kubernetes.io/name": "qdrant"}), policy("qdrant", {"podSelector": {"matchExpressions": [{"key": "app.kubernetes.io/name", "operator": "In", "values": ["qdrant"]}]}, "ingress": [{"from": [{"podSelector": {"matchExpressions": [{"key": "app.kubernetes.io/component", "operator": "In", "values": ["retriever", "indexer"]}]}}]}]})]),
	"an allow-all policy for other pods": fx.doc([qdrant, retriever_only, policy("web", {"podSelector": {"matchLabels": {"app": "web"}}, "ingress": [{}]})]),
	"not a vector database": fx.doc([fx.deployment(fx.good_pod)]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-025", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
