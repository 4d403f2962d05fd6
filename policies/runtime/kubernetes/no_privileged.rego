# METADATA
# title: No privileged containers
# description: >-
#   A privileged container has every device and capability of the node.
# scope: package
# custom:
#   id: LLM-K8S-004
#   severity: critical
#   remediation: >-
#     Remove securityContext.privileged or set it to false.
#   frameworks:
#     k8s-pss: ["baseline: Privileged Containers"]
#     nsa-cisa-k8s: ["Pod security: Pod security enforcement"]
#     cis-kubernetes: ["5.2.2"]
#     cis-eks: ["4.2.1"]
package llmops.runtime.kubernetes.no_privileged

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-004", "msg": msg, "path": concat("", [pointer, "/securityContext/privileged"]), "resource": urn} if {
	some [i, pointer, container, pod] in lib.containers
	urn := input.resources[i].urn
	object.get(container, ["securityContext", "privileged"], false) == true
	msg := concat("", ["container ", lib.text(container.name), " is privileged"])
}
