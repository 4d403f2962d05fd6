# METADATA
# title: Pod templates of custom resources are evaluated
# description: >-
#   An operator turns the pod template inside a custom resource (a serving runtime, a training
#   job) into real pods; a kind missing from the pod-template table escapes every pod check. A
#   resource of such a kind that holds a pod-shaped object (a containers list with an image) is
#   reported instead of passing in silence.
# scope: package
# custom:
#   id: LLM-K8S-028
#   severity: high
#   remediation: >-
#     Add the kind and the paths of its pod templates to pod_templates in policies/data.yaml
#     (an organisation bundle's data override), so the pod checks judge them.
#   frameworks:
#     nsa-cisa-k8s: ["Pod security: Pod security enforcement"]
#     nist-ai-rmf: ["MEASURE 2.7"]
package llmops.runtime.kubernetes.unevaluated_pod_templates

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-028", "msg": msg, "path": lib.props_pointer(i, segments), "resource": resource.urn} if {
	some i, resource in input.resources
	startswith(resource.type, "kubernetes:")
	key := lib.kind_key(resource.type)
	not lib.pod_templates[key]

	# A native string search first: walking every object of every other kind in Rego doubled
	# the cost of a large input of Services and ConfigMaps.
	contains(json.marshal(resource.props), `"containers"`)
	walk(resource.props, [path, value])
	path[count(path) - 1] == "containers"
	pod_shaped(value)
	segments := [segment(s) | some s in array.slice(path, 0, count(path) - 1)]
	msg := concat("", ["pod template of kind ", key, " not evaluated"])
}

# A containers list in which some entry names an image.
pod_shaped(containers) if {
	is_array(containers)
	some container in containers
	is_string(object.get(container, "image", null))
}

segment(s) := s if is_string(s)

segment(s) := format_int(s, 10) if is_number(s)
