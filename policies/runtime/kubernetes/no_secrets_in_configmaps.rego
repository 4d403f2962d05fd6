# METADATA
# title: ConfigMaps hold no credentials
# description: >-
#   ConfigMaps are readable by anyone with namespace read access and are not encrypted like
#   Secrets.
# scope: package
# custom:
#   id: LLM-K8S-026
#   severity: high
#   remediation: >-
#     Move credentials into a Secret (or an external secret store) and reference them.
#   frameworks:
#     nsa-cisa-k8s: ["Network separation: Secrets"]
#     owasp-llm-2025: ["LLM02:2025"]
#     cis-kubernetes: ["5.4.2"]
#     cis-eks: ["4.4.2"]
package llmops.runtime.kubernetes.no_secrets_in_configmaps

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-026", "msg": msg, "path": sprintf("%s/data/%s", [lib.resource_pointer(i), key]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:ConfigMap"
	some key, value in object.get(resource.props, "data", {})
	credential(key, value)
	msg := sprintf("ConfigMap %s holds a credential in %s", [resource.props.metadata.name, key])
}

credential(key, _) if regex.match(`(?i)(password|secret|api[_-]?key|token|private[_-]?key)`, key)

credential(_, value) if regex.match(`(?i)(password|secret|api[_-]?key|master[_-]?key)\s*[:=]\s*["']?[A-Za-z0-9+/_-]{8,}`, value)

credential(_, value) if regex.match(`-----BEGIN [A-Z ]*PRIVATE KEY-----`, value)
