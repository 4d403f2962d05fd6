# METADATA
# title: Containers cannot escalate privileges
# description: >-
#   allowPrivilegeEscalation must be false (Pod Security restricted), so setuid binaries
#   cannot gain privileges.
# scope: package
# custom:
#   id: LLM-K8S-002
#   severity: high
#   remediation: >-
#     Set securityContext.allowPrivilegeEscalation: false on every container.
#   frameworks:
#     k8s-pss: ["restricted: Privilege Escalation"]
#     nsa-cisa-k8s: ["Pod security: Pod security enforcement"]
#     cis-kubernetes: ["5.2.6"]
#     cis-eks: ["4.2.5"]
package llmops.runtime.kubernetes.no_privilege_escalation

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-002", "msg": msg, "path": concat("", [pointer, "/securityContext/allowPrivilegeEscalation"]), "resource": urn} if {
	some [i, pointer, container, pod] in lib.containers
	urn := input.resources[i].urn
	object.get(container, ["securityContext", "allowPrivilegeEscalation"], true) != false
	lib.judged(i, pointer, object.get(container, ["securityContext", "allowPrivilegeEscalation"], null))
	msg := concat("", ["container ", lib.text(container.name), " allows privilege escalation"])
}
