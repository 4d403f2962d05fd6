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
#     k8s-pss: ["restricted: capabilities"]
#     nsa-cisa-k8s: ["Pod security: capabilities"]
#     cis-eks: ["5.2.9"]
package llmops.runtime.kubernetes.drop_all_capabilities

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-003", "msg": msg, "path": concat("", [pointer, "/securityContext/capabilities"]), "resource": urn} if {
	some [i, pointer, container, pod] in lib.containers
	urn := input.resources[i].urn
	not "ALL" in {upper(c) | some c in object.get(container, ["securityContext", "capabilities", "drop"], [])}
	lib.judged(i, pointer, object.get(container, ["securityContext", "capabilities", "drop"], null))
	msg := concat("", ["container ", lib.text(container.name), " does not drop ALL capabilities"])
}
