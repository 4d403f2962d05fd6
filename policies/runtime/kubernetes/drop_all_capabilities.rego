# METADATA
# title: Containers drop all capabilities
# description: >-
#   Pod Security restricted requires dropping ALL Linux capabilities (only NET_BIND_SERVICE
#   may be added back).
# scope: package
# custom:
#   id: LLM-K8S-003
#   severity: high
#   remediation: >-
#     Set securityContext.capabilities.drop: [ALL].
#   frameworks:
#     k8s-pss: ["baseline: Capabilities", "restricted: Capabilities"]
#     nsa-cisa-k8s: ["Pod security: Pod security enforcement"]
#     cis-kubernetes: ["5.2.8", "5.2.9", "5.2.10"]
#     cis-eks: ["4.2.7", "4.2.8", "4.2.9"]
package llmops.runtime.kubernetes.drop_all_capabilities

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-003", "msg": msg, "path": sprintf("%s/securityContext/capabilities", [pointer]), "resource": urn} if {
	some [i, pointer, container, pod] in lib.containers
	urn := input.resources[i].urn
	not "ALL" in {upper(c) | some c in object.get(container, ["securityContext", "capabilities", "drop"], [])}
	msg := sprintf("container %s does not drop ALL capabilities", [container.name])
}
