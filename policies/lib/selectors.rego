# METADATA
# title: Kubernetes label selectors
# description: >-
#   Label selectors as the API server evaluates them (matchLabels and matchExpressions with
#   In, NotIn, Exists, DoesNotExist), the labels of a workload's pods, and the NetworkPolicies
#   that select a pod.
# scope: package
package llmops.lib.selectors

import data.llmops.lib.runtime as lib

# A LabelSelector with neither matchLabels nor matchExpressions selects everything.
empty(selector) if {
	count(object.get(selector, "matchLabels", {})) == 0
	count(object.get(selector, "matchExpressions", [])) == 0
}

# Does the LabelSelector select a pod with these labels?
matches(selector, labels) if {
	every key, value in object.get(selector, "matchLabels", {}) { labels[key] == value }
	every expression in object.get(selector, "matchExpressions", []) { expression_matches(expression, labels) }
}

expression_matches(expression, labels) if {
	expression.operator == "In"
	labels[expression.key] in expression.values
}

expression_matches(expression, labels) if {
	expression.operator == "NotIn"
	not labels[expression.key] in expression.values
}

expression_matches(expression, labels) if {
	expression.operator == "Exists"
	has_key(labels, expression.key)
}

expression_matches(expression, labels) if {
	expression.operator == "DoesNotExist"
	not has_key(labels, expression.key)
}

# object.keys is not in the WebAssembly SDK's builtins.
has_key(map, key) if {
	some name, _ in map
	name == key
}

# A Service selector is a plain map: every pair must be on the pod.
map_matches(selector, labels) if {
	every key, value in selector { labels[key] == value }
}

# The labels of the pods of the workload at input.resources[i] whose pod spec is at `pointer`:
# the pod template's labels (the metadata sibling of the pod spec), or a Pod's own.
pod_labels(i, pointer) := object.get(input.resources[i].props, array.concat(parent, ["metadata", "labels"]), {}) if {
	segments := split(trim_prefix(pointer, sprintf("/resources/%d/props/", [i])), "/")
	parent := array.slice(segments, 0, count(segments) - 1)
}

# NetworkPolicies that select pods with `labels` in `namespace` for ingress. A policy without
# policyTypes has Ingress (the API server defaults it).
ingress_policies(namespace, labels) := [policy |
	some policy in input.resources
	policy.type == "kubernetes:networking.k8s.io/v1:NetworkPolicy"
	lib.namespace_of(policy) == namespace
	matches(object.get(policy.props, ["spec", "podSelector"], {}), labels)
	"Ingress" in object.get(policy.props, ["spec", "policyTypes"], ["Ingress"])
]
