# METADATA
# title: Containers use the RuntimeDefault seccomp profile
# description: >-
#   Pod Security restricted requires a RuntimeDefault or Localhost seccomp profile, at pod or
#   container level.
# scope: package
# custom:
#   id: LLM-K8S-005
#   severity: high
#   remediation: >-
#     Set securityContext.seccompProfile.type: RuntimeDefault on the pod.
#   frameworks:
#     k8s-pss: ["restricted: Seccomp"]
#     nsa-cisa-k8s: ["Pod security: Hardening container environments"]
#     cis-kubernetes: ["5.7.2"]
package llmops.runtime.kubernetes.seccomp

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-005", "msg": msg, "path": concat("", [pointer, "/securityContext/seccompProfile"]), "resource": urn} if {
	some [i, pointer, container, pod] in lib.containers
	urn := input.resources[i].urn
	profile := object.get(container, ["securityContext", "seccompProfile", "type"], object.get(pod, ["securityContext", "seccompProfile", "type"], "Unconfined"))
	not profile in {"RuntimeDefault", "Localhost"}
	lib.judged(i, pointer, object.get(container, ["securityContext", "seccompProfile", "type"], object.get(pod, ["securityContext", "seccompProfile", "type"], null)))
	msg := concat("", ["container ", lib.text(container.name), " runs with seccomp profile ", lib.text(profile)])
}
