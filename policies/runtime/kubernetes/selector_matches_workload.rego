# METADATA
# title: NetworkPolicy and Service selectors match a workload
# description: >-
#   A NetworkPolicy whose podSelector matches no pod protects nothing, and a Service whose
#   selector matches no pod routes nowhere (or, after a relabel, to the wrong pods): both are
#   typically a typo in a label that leaves the real workload open. Judged where the input
#   holds workloads of the same namespace; an empty podSelector selects every pod and a
#   Service without a selector is managed by hand, so neither is judged. Nor is a selector on a
#   label that a controller adds to the pods it creates (controller_pod_label_prefixes in
#   data.yaml: LeaderWorkerSet, KubeRay, KServe, StatefulSet and Job labels), which no
#   template in the input can show. Nor is a NetworkPolicy whose podSelector is exactly one of
#   data.yaml agent_network.agent_pod_selectors: it is prepared for the agent's pods, which the
#   application deploys after the stack (LLM-TOOLS-002).
# scope: package
# custom:
#   id: LLM-K8S-046
#   severity: medium
#   remediation: >-
#     Make the selector's labels those of the workload's pod template (check for typos and
#     label keys that differ between the two).
#   frameworks:
#     nsa-cisa-k8s: ["Network separation: Network policies"]
#     owasp-llm-2025: ["LLM08:2025"]
package llmops.runtime.kubernetes.selector_matches_workload

import data.llmops.lib.runtime as lib
import data.llmops.lib.selectors

# Pod labels per namespace, of every workload in the input.
pod_labels_in[namespace] contains labels if {
	some [i, pointer, _] in lib.pod_specs
	namespace := lib.namespace_of(input.resources[i])
	labels := selectors.pod_labels(i, pointer)
}

deny contains {"id": "LLM-K8S-046", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/spec/podSelector"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "kubernetes:networking.k8s.io/v1:NetworkPolicy"
	selector := object.get(resource.props, ["spec", "podSelector"], {})
	not controller_assigned({key | some key, _ in object.get(selector, "matchLabels", {})} | {expression.key | some expression in object.get(selector, "matchExpressions", [])})
	not agent_selector(selector)
	workloads := pod_labels_in[lib.namespace_of(resource)]
	every labels in workloads { not selectors.matches(selector, labels) }
	msg := concat("", ["NetworkPolicy ", lib.text(object.get(resource.props, ["metadata", "name"], resource.name)), " selects no workload in namespace ", lib.text(lib.namespace_of(resource))])
}

deny contains {"id": "LLM-K8S-046", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/spec/selector"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:Service"
	selector := object.get(resource.props, ["spec", "selector"], {})
	not controller_assigned({key | some key, _ in selector})
	workloads := pod_labels_in[lib.namespace_of(resource)]
	every labels in workloads { not selectors.map_matches(selector, labels) }
	msg := concat("", ["Service ", lib.text(object.get(resource.props, ["metadata", "name"], resource.name)), " selects no workload in namespace ", lib.text(lib.namespace_of(resource))])
}

# Is the selector exactly one of the agent's pod selectors (matchLabels only)?
agent_selector(selector) if {
	count(object.get(selector, "matchExpressions", [])) == 0
	some agent in lib.params.agent_network.agent_pod_selectors
	object.get(selector, "matchLabels", {}) == agent.matchLabels
}

# Does the selector use a label only a controller puts on the pods it creates?
controller_assigned(keys) if {
	some key in keys
	some prefix in lib.params.controller_pod_label_prefixes
	startswith(key, prefix)
}
