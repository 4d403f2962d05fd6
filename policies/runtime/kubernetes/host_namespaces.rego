# METADATA
# title: Pods do not share host namespaces
# description: >-
#   hostNetwork, hostPID and hostIPC break the isolation between the pod and the node.
# scope: package
# custom:
#   id: LLM-K8S-007
#   severity: critical
#   remediation: >-
#     Remove hostNetwork, hostPID and hostIPC from the pod spec.
#   frameworks:
#     k8s-pss: ["baseline: Host Namespaces"]
#     nsa-cisa-k8s: ["Pod security: Pod security enforcement"]
#     cis-kubernetes: ["5.2.3", "5.2.4", "5.2.5"]
#     cis-eks: ["4.2.2", "4.2.3", "4.2.4"]
package llmops.runtime.kubernetes.host_namespaces

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-007", "msg": msg, "path": concat("", [pointer, "/", lib.text(field)]), "resource": urn} if {
	some [i, pointer, pod] in lib.pod_specs
	urn := input.resources[i].urn
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	pod[field] == true
	msg := concat("", ["pod uses ", lib.text(field)])
}
