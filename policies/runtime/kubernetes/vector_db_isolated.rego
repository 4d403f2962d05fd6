# METADATA
# title: The vector database admits only the retriever
# description: >-
#   Embeddings can be inverted back to text; only the retrieval and ingestion workloads may
#   connect to the vector database (OWASP LLM08).
# scope: package
# custom:
#   id: LLM-K8S-025
#   severity: high
#   remediation: >-
#     Add a NetworkPolicy selecting the vector database pods whose ingress allows only pods
#     labelled llmops.dev/role: retrieval or ingestion.
#   frameworks:
#     owasp-llm-2025: ["LLM08:2025"]
#     nsa-cisa-k8s: ["Network separation: Network policies"]
package llmops.runtime.kubernetes.vector_db_isolated

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-025", "msg": msg, "path": sprintf("%s/metadata", [lib.resource_pointer(i)]), "resource": urn} if {
	policies := [policy | some policy in input.resources; policy.type == "kubernetes:networking.k8s.io/v1:NetworkPolicy"]
	some [i, _, pod] in lib.pod_specs
	urn := input.resources[i].urn
	some container in pod.containers
	regex.match(`(qdrant|pgvector|weaviate|milvus|chroma)`, container.image)
	labels := object.get(input.resources[i].props, ["spec", "template", "metadata", "labels"], {})
	not isolated(policies, lib.namespace_of(input.resources[i]), labels)
	msg := sprintf("vector database %s is reachable by pods other than the retriever", [input.resources[i].props.metadata.name])
}

isolated(policies, namespace, labels) if {
	some policy in policies
	lib.namespace_of(policy) == namespace
	selector := object.get(policy.props.spec, ["podSelector", "matchLabels"], {})
	count(selector) > 0
	every key, value in selector { labels[key] == value }
	"Ingress" in policy.props.spec.policyTypes
	every rule in object.get(policy.props.spec, "ingress", []) {
		count(object.get(rule, "from", [])) > 0
		every peer in rule.from { peer.podSelector.matchLabels["llmops.dev/role"] in {"retrieval", "ingestion", "retriever"} }
	}
}
