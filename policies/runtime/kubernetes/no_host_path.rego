# METADATA
# title: Pods mount no hostPath volumes
# description: >-
#   A hostPath volume exposes the node's filesystem (and often its credentials) to the pod.
# scope: package
# custom:
#   id: LLM-K8S-008
#   severity: high
#   remediation: >-
#     Use emptyDir, a PersistentVolumeClaim, a ConfigMap or a Secret instead of hostPath.
#   frameworks:
#     k8s-pss: ["baseline: HostPath Volumes"]
#     nsa-cisa-k8s: ["Pod security: Pod security enforcement"]
#     cis-kubernetes: ["5.2.12"]
package llmops.runtime.kubernetes.no_host_path

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-008", "msg": msg, "path": concat("", [pointer, "/volumes/", format_int(j, 10)]), "resource": urn} if {
	some [i, pointer, pod] in lib.pod_specs
	urn := input.resources[i].urn
	some j, volume in object.get(pod, "volumes", [])
	volume.hostPath
	msg := concat("", ["volume ", lib.text(volume.name), " mounts the host path ", lib.text(volume.hostPath.path)])
}
