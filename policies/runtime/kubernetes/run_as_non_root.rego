# METADATA
# title: Containers run as non-root
# description: >-
#   Pod Security restricted requires runAsNonRoot; a root process that escapes its container
#   is root on the node.
# scope: package
# custom:
#   id: LLM-K8S-001
#   severity: high
#   remediation: >-
#     Set securityContext.runAsNonRoot: true on the container or the pod.
#   frameworks:
#     k8s-pss: ["restricted: Running as Non-root"]
#     nsa-cisa-k8s: ["Pod security: Non-root containers"]
#     cis-kubernetes: ["5.2.7"]
#     cis-eks: ["4.2.6"]
package llmops.runtime.kubernetes.run_as_non_root

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-001", "msg": msg, "path": concat("", [pointer, "/securityContext/runAsNonRoot"]), "resource": urn} if {
	some [i, pointer, container, pod] in lib.containers
	urn := input.resources[i].urn
	object.get(container, ["securityContext", "runAsNonRoot"], object.get(pod, ["securityContext", "runAsNonRoot"], false)) != true
	lib.judged(i, pointer, object.get(container, ["securityContext", "runAsNonRoot"], object.get(pod, ["securityContext", "runAsNonRoot"], null)))
	msg := concat("", ["container ", lib.text(container.name), " may run as root"])
}
