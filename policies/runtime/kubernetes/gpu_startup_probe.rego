# METADATA
# title: GPU model servers have a startupProbe
# description: >-
#   A model server spends minutes loading weights onto its GPUs before it answers. Without a
#   startupProbe the livenessProbe counts that time as failure and restarts the server before
#   it ever serves, in a loop; an initialDelaySeconds guess breaks as soon as the model grows.
#   Any long-running container that claims a GPU is judged: the built-in workload kinds that
#   serve (Deployment, StatefulSet, ReplicaSet, Pod) and every serving custom resource of the
#   pod-template table (KServe InferenceService and its serving runtimes, LLMInferenceService,
#   LeaderWorkerSet, …), but not run-to-completion kinds (Job, CronJob), KubeRay's (the
#   operator injects its own probes; a Ray Serve replica loads inside an actor) nor a template
#   merged over a base the input may not hold (a KServe model spec over its ServingRuntime,
#   where the probe may come from).
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
	long_running(input.resources[i].type)
	not regex.match(`/(initContainers|ephemeralContainers)/[0-9]+$`, pointer)
	not lib.fragment(i, pointer)
	claims_gpu(container)
	not container.startupProbe
	urn := input.resources[i].urn
	msg := concat("", ["container ", lib.text(container.name), " claims a GPU but has no startupProbe"])
}

# Kinds not judged: pods that run to completion (a probe that waits for loading does not apply),
# bare templates, and KubeRay's, whose operator injects its own probes on the raylet, which is
# healthy long before a Ray Serve replica loads its model inside an actor.
run_to_completion := {"batch/Job", "batch/CronJob", "core/PodTemplate", "ray.io/RayJob", "ray.io/RayCluster", "ray.io/RayService"}

long_running(type) if {
	key := lib.kind_key(type)
	lib.pod_templates[key]
	not key in run_to_completion
}

claims_gpu(container) if {
	some field in ["limits", "requests"]
	some name, _ in object.get(container, ["resources", field], {})
	endswith(name, "/gpu")
}
