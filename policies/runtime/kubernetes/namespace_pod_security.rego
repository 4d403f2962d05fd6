# METADATA
# title: Namespaces enforce Pod Security restricted
# description: >-
#   The pod-security.kubernetes.io/enforce label makes the API server reject any pod that is
#   not restricted.
# scope: package
# custom:
#   id: LLM-K8S-015
#   severity: high
#   remediation: >-
#     Label the namespace pod-security.kubernetes.io/enforce: restricted (and audit, warn).
#   frameworks:
#     k8s-pss: ["restricted"]
#     nsa-cisa-k8s: ["Pod security: Pod security enforcement"]
#     cis-kubernetes: ["5.2.1"]
package llmops.runtime.kubernetes.namespace_pod_security

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-015", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/metadata/labels"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:Namespace"
	object.get(resource.props, ["metadata", "labels", "pod-security.kubernetes.io/enforce"], "") != "restricted"
	msg := concat("", ["namespace ", lib.text(resource.props.metadata.name), " does not enforce Pod Security restricted"])
}
