# METADATA
# title: Pods do not mount API tokens they do not need
# description: >-
#   A mounted service-account token lets a compromised model server or agent call the
#   Kubernetes API. Decided as the kubelet decides: the pod's field, else that of the
#   ServiceAccount it names when the input holds it, else mounted.
# scope: package
# custom:
#   id: LLM-K8S-021
#   severity: medium
#   remediation: >-
#     Set automountServiceAccountToken: false on the pod or on its ServiceAccount (IRSA projects its own token).
#   frameworks:
#     cis-kubernetes: ["5.1.6"]
#     cis-eks: ["4.1.6"]
#     nsa-cisa-k8s: ["Pod security: Protecting Pod service account tokens"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.runtime.kubernetes.no_token_automount

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-021", "msg": "pod mounts a service account token", "path": concat("", [pointer, "/automountServiceAccountToken"]), "resource": urn} if {
	some [i, pointer, pod] in lib.pod_specs
	urn := input.resources[i].urn
	not lib.serving_runtime(i)
	lib.mounts_token(i, pod) != false
	lib.judged(i, pointer, object.get(pod, "automountServiceAccountToken", null))
}
