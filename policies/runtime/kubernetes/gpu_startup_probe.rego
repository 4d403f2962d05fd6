# METADATA
# title: GPU model servers have a startupProbe
# description: >-
#   A model server spends minutes loading weights onto its GPUs before it answers. Without a
#   startupProbe the livenessProbe counts that time as failure and restarts the server before
#   it ever serves, in a loop; an initialDelaySeconds guess breaks as soon as the model grows.
#   Any long-running container that claims a GPU is judged.
# scope: package
# custom:
#   id: LLM-K8S-050
#   severity: medium
#   remediation: >-
#     Add a startupProbe on the server's health endpoint whose periodSeconds × failureThreshold
#     covers the load time of the model's weights; liveness starts only after it succeeds.
#   frameworks:
#     nist-ai-rmf: ["MANAGE 2.2"]
package llmops.runtime.kubernetes.gpu_startup_probe

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-050", "msg": msg, "path": pointer, "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	input.resources[i].type in long_running
	contains(pointer, "/containers/")
	claims_gpu(container)
	not container.startupProbe
	urn := input.resources[i].urn
	msg := concat("", ["container ", lib.text(container.name), " claims a GPU but has no startupProbe"])
}

long_running := {"kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:ReplicaSet", "kubernetes:core/v1:Pod"}

claims_gpu(container) if {
	some field in ["limits", "requests"]
	some name, _ in object.get(container, ["resources", field], {})
	endswith(name, "/gpu")
}
