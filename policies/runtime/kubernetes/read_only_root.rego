# METADATA
# title: Root filesystems are read-only
# description: >-
#   A read-only root filesystem stops an attacker (or a prompt-injected tool) from modifying
#   binaries and configuration.
# scope: package
# custom:
#   id: LLM-K8S-006
#   severity: medium
#   remediation: >-
#     Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the
#     process writes.
#   frameworks:
#     nsa-cisa-k8s: ["Pod security: Immutable container file systems"]
#     cis-kubernetes: ["5.7.3"]
#     cis-eks: ["4.6.2"]
package llmops.runtime.kubernetes.read_only_root

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-006", "msg": msg, "path": concat("", [pointer, "/securityContext/readOnlyRootFilesystem"]), "resource": urn} if {
	some [i, pointer, container, pod] in lib.containers
	urn := input.resources[i].urn
	object.get(container, ["securityContext", "readOnlyRootFilesystem"], false) != true
	lib.judged(i, pointer, object.get(container, ["securityContext", "readOnlyRootFilesystem"], null))
	msg := concat("", ["container ", lib.text(container.name), " has a writable root filesystem"])
}
