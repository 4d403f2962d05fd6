# METADATA
# title: GPU pods set nvidia.com/gpu limits
# description: >-
#   A pod scheduled onto GPU nodes without a GPU limit either gets no GPU or, with some device
#   plugins, all of them. DaemonSets are node agents (device plugin, DCGM exporter, feature
#   discovery) that run once per node and watch every GPU without claiming one, as NVIDIA's
#   manifests do; they are not judged here.
# scope: package
# custom:
#   id: LLM-K8S-012
#   severity: high
#   remediation: >-
#     Set resources.limits[\"nvidia.com/gpu\"] on the serving container of every pod that
#     selects or tolerates GPU nodes.
#   frameworks:
#     owasp-llm-2025: ["LLM10:2025"]
#     nsa-cisa-k8s: ["Network separation: Resource policies"]
package llmops.runtime.kubernetes.gpu_limits

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-012", "msg": "pod targets GPU nodes but no container sets an nvidia.com/gpu limit", "path": pointer, "resource": urn} if {
	some [i, pointer, pod] in lib.pod_specs
	urn := input.resources[i].urn
	input.resources[i].type != "kubernetes:apps/v1:DaemonSet"
	targets_gpu(pod)
	not gpu_limited(pod)
}

targets_gpu(pod) if object.get(pod, ["nodeSelector", "llmops.dev/pool"], "") == "gpu"

targets_gpu(pod) if {
	some toleration in object.get(pod, "tolerations", [])
	toleration.key == "nvidia.com/gpu"
}

gpu_limited(pod) if {
	some container in pod.containers
	object.get(container, ["resources", "limits", "nvidia.com/gpu"], null) != null
}
