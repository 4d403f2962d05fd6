# METADATA
# title: Namespaces running GPU pods cap GPUs with a ResourceQuota
# description: >-
#   A quota on requests.nvidia.com/gpu bounds what one namespace (or a runaway autoscaler) can
#   take from a shared GPU cluster. Only the requests. key is enforced for extended resources,
#   and its value must be within the ceiling in policies/data.yaml.
# scope: package
# custom:
#   id: LLM-K8S-017
#   severity: medium
#   remediation: >-
#     Add a ResourceQuota with requests.nvidia.com/gpu (not limits.nvidia.com/gpu) at most
#     max_namespace_gpu_quota to the namespace.
#   frameworks:
#     owasp-llm-2025: ["LLM10:2025"]
#     nsa-cisa-k8s: ["Network separation: Resource policies"]
package llmops.runtime.kubernetes.gpu_quota

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-017", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/metadata"]), "resource": urn} if {
	some [i, _, container, _] in lib.containers
	some resource_name in lib.params.gpu_resource_names
	requests_device(container, resource_name)
	namespace := lib.namespace_of(input.resources[i])
	not capped(namespace, resource_name)
	urn := input.resources[i].urn
	msg := concat("", [
		"namespace ",
		lib.text(namespace),
		" runs ",
		lib.text(resource_name),
		" pods without a ResourceQuota on requests.",
		lib.text(resource_name),
		" of at most ",
		format_int(lib.params.max_namespace_gpu_quota, 10),
	])
}

# Extended resources are requested through limits (requests default to them) or requests.
requests_device(container, resource_name) if object.get(container, ["resources", "limits", resource_name], null) != null

requests_device(container, resource_name) if object.get(container, ["resources", "requests", resource_name], null) != null

# Kubernetes quotas extended resources only as `requests.<name>`: a `limits.<name>` key is
# accepted by the API server and enforces nothing. A quota above the ceiling caps nothing
# the organisation would accept; with several quotas the API server enforces every one, so
# one within the ceiling suffices.
capped(namespace, resource_name) if {
	some resource in input.resources
	resource.type == "kubernetes:core/v1:ResourceQuota"
	lib.namespace_of(resource) == namespace
	quantity(object.get(resource.props, ["spec", "hard", concat("", ["requests.", resource_name])], null)) <= lib.params.max_namespace_gpu_quota
}

# Whole-device counts: GPUs are not divisible, so a quota is written as an integer.
quantity(value) := value if is_number(value)

quantity(value) := to_number(value) if {
	is_string(value)
	regex.match(`^[0-9]+$`, value)
}
