# METADATA
# title: The vector database admits only the retriever
# description: >-
#   Embeddings can be inverted back to text; only the retrieval and ingestion workloads may
#   connect to the vector database (OWASP LLM08). NetworkPolicies add up: the database is
#   isolated only if at least one policy selects it for ingress and every peer of every
#   policy that selects it admits only pods carrying a client label (policies/data.yaml
#   vector_db_client_labels). An allow-all rule, an ipBlock, an empty podSelector or
#   `namespaceSelector: {}` beside a restrictive policy defeats it.
# scope: package
# custom:
#   id: LLM-K8S-025
#   severity: high
#   remediation: >-
#     Let every NetworkPolicy that selects the vector database pods admit only pods labelled
#     as retrieval or ingestion workloads (vector_db_client_labels), in the same namespace.
#   frameworks:
#     owasp-llm-2025: ["LLM08:2025"]
#     nsa-cisa-k8s: ["Network separation: Network policies"]
package llmops.runtime.kubernetes.vector_db_isolated

import data.llmops.lib.runtime as lib
import data.llmops.lib.selectors

deny contains {"id": "LLM-K8S-025", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/metadata"]), "resource": urn} if {
	some [i, pointer, pod] in lib.pod_specs
	some container in pod.containers
	regex.match(lib.params.vector_db_images, object.get(container, "image", ""))
	policies := selectors.ingress_policies(lib.namespace_of(input.resources[i]), selectors.pod_labels(i, pointer))
	not isolated(policies)
	urn := input.resources[i].urn
	msg := concat("", ["vector database ", lib.text(input.resources[i].props.metadata.name), " is reachable by pods other than the retrieval and ingestion workloads"])
}

# The union of the policies that select the database admits only client pods.
isolated(policies) if {
	count(policies) > 0
	every policy in policies {
		every rule in object.get(policy.props.spec, "ingress", []) {
			count(object.get(rule, "from", [])) > 0
			every peer in rule.from { client_peer(peer) }
		}
	}
}

# A peer that admits only client pods: no ipBlock, not every namespace, and a pod selector
# that requires a client label.
client_peer(peer) if {
	not selectors.has_key(peer, "ipBlock")
	not every_namespace(peer)
	requires_client(object.get(peer, "podSelector", {}))
}

every_namespace(peer) if selectors.empty(peer.namespaceSelector)

requires_client(selector) if {
	some key, value in object.get(selector, "matchLabels", {})
	value in object.get(lib.params.vector_db_client_labels, key, [])
}

requires_client(selector) if {
	some expression in object.get(selector, "matchExpressions", [])
	expression.operator == "In"
	count(expression.values) > 0
	every value in expression.values { value in object.get(lib.params.vector_db_client_labels, expression.key, []) }
}
