# METADATA
# title: Namespaces running GPU pods cap GPUs with a ResourceQuota
# description: >-
#   A quota on requests.nvidia.com/gpu bounds what one namespace (or a runaway autoscaler) can
#   take from a shared GPU cluster.
# scope: package
# custom:
#   id: LLM-K8S-017
#   severity: medium
#   remediation: >-
#     Add a ResourceQuota with requests.nvidia.com/gpu to the namespace.
#   frameworks:
#     owasp-llm-2025: ["LLM10:2025"]
#     nsa-cisa-k8s: ["Network separation: Resource policies"]
package llmops.runtime.kubernetes.gpu_quota

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-017", "msg": msg, "path": sprintf("%s/metadata", [lib.resource_pointer(i)]), "resource": urn} if {
	capped := {namespace | some namespace, _ in quota_for}
	some [i, pointer, container, _] in lib.containers
	urn := input.resources[i].urn
	object.get(container, ["resources", "limits", "nvidia.com/gpu"], null) != null
	namespace := lib.namespace_of(input.resources[i])
	not namespace in capped
	msg := sprintf("namespace %s runs GPU pods without a GPU ResourceQuota", [namespace])
}

quota_for[namespace] if {
	some resource in input.resources
	resource.type == "kubernetes:core/v1:ResourceQuota"
	namespace := lib.namespace_of(resource)
	some key, _ in resource.props.spec.hard
	key in {"requests.nvidia.com/gpu", "limits.nvidia.com/gpu"}
}
