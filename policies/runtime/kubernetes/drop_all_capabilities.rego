# METADATA
# title: Containers drop all capabilities
# description: >-
#   Pod Security restricted requires dropping ALL Linux capabilities; only NET_BIND_SERVICE
#   may be added back. Capabilities listed under `add` are granted even after `drop: [ALL]`.
# scope: package
# custom:
#   id: LLM-K8S-003
#   severity: high
#   remediation: >-
#     Set securityContext.capabilities.drop: [ALL] and add back nothing beyond
#     NET_BIND_SERVICE (policies/data.yaml allowed_added_capabilities).
#   frameworks:
#     k8s-pss: ["baseline: Capabilities", "restricted: Capabilities"]
#     nsa-cisa-k8s: ["Pod security: Pod security enforcement"]
#     cis-kubernetes: ["5.2.8", "5.2.9", "5.2.10"]
#     cis-eks: ["4.2.7", "4.2.8", "4.2.9"]
package llmops.runtime.kubernetes.drop_all_capabilities

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-003", "msg": msg, "path": concat("", [pointer, "/securityContext/capabilities"]), "resource": urn} if {
	some [i, pointer, container, pod] in lib.containers
	urn := input.resources[i].urn
	not "ALL" in {upper(c) | some c in object.get(container, ["securityContext", "capabilities", "drop"], [])}
	lib.judged(i, pointer, object.get(container, ["securityContext", "capabilities", "drop"], null))
	msg := concat("", ["container ", lib.text(container.name), " does not drop ALL capabilities"])
}

# Dropping ALL and adding capabilities back is the same as not dropping them: `add` may hold
# only what Pod Security restricted allows (data.yaml allowed_added_capabilities).
deny contains {"id": "LLM-K8S-003", "msg": msg, "path": concat("", [lib.text(pointer), "/securityContext/capabilities/add/", format_int(k, 10)]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	some k, capability in object.get(container, ["securityContext", "capabilities", "add"], [])
	not allowed_addition(capability)
	urn := input.resources[i].urn
	msg := concat("", ["container ", lib.text(container.name), " adds capability ", lib.text(capability)])
}

# Pod Security compares names without the CAP_ prefix and case-sensitively; a lower-case or
# prefixed spelling is judged by the capability it names, so it cannot slip past.
allowed_addition(capability) if trim_prefix(upper(capability), "CAP_") in {upper(c) | some c in lib.params.allowed_added_capabilities}
