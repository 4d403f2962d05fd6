# METADATA
# title: No NodePort Services
# description: >-
#   NodePort opens a port on every node, bypassing the gateway and its authentication.
# scope: package
# custom:
#   id: LLM-K8S-014
#   severity: medium
#   remediation: >-
#     Use a ClusterIP Service behind the gateway.
#   frameworks:
#     nsa-cisa-k8s: ["Network separation: Network policies"]
package llmops.runtime.kubernetes.no_node_port

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-014", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/spec/type"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:Service"
	resource.props.spec.type == "NodePort"
	msg := concat("", ["Service ", lib.text(resource.props.metadata.name), " is a NodePort"])
}
