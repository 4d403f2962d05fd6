# METADATA
# title: GPU model servers do not scale on CPU or memory
# description: >-
#   An LLM server saturates on queue depth and KV-cache use while its CPU stays low, so a CPU
#   or memory target never adds a replica under load, or adds GPU nodes for tokenizer spikes.
#   A HorizontalPodAutoscaler (an explicit CPU or memory metric, or none, which defaults to
#   CPU) or a KEDA ScaledObject (cpu or memory trigger) whose target claims a GPU is judged.
# scope: package
# custom:
#   id: LLM-K8S-051
#   severity: medium
#   remediation: >-
#     Scale on the server's serving signal: a KEDA ScaledObject with a Prometheus trigger on
#     the queue depth (vllm:num_requests_waiting, tgi_queue_size) or KV-cache use, or an HPA
#     on that external metric through prometheus-adapter.
#   frameworks:
#     nist-ai-rmf: ["MANAGE 2.2"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.runtime.kubernetes.gpu_autoscaling_signal

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-051", "msg": msg, "path": lib.resource_pointer(i), "resource": scaler.urn} if {
	some i, scaler in input.resources
	scaler.type in autoscaler_types
	some signal in resource_signals(scaler)
	target := scaler.props.spec.scaleTargetRef
	some [j, _, pod] in lib.pod_specs
	workload := input.resources[j]
	scales(scaler, target, workload)
	claims_gpu(pod)
	msg := concat("", [lib.text(kind(scaler.type)), " scales ", lib.text(target.name), ", which claims a GPU, on ", lib.text(signal)])
}

autoscaler_types := {
	"kubernetes:autoscaling/v1:HorizontalPodAutoscaler",
	"kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
	"kubernetes:autoscaling/v2beta2:HorizontalPodAutoscaler",
	"kubernetes:keda.sh/v1alpha1:ScaledObject",
}

kind(type) := parts[count(parts) - 1] if parts := split(type, ":")

# The CPU or memory signals an autoscaler scales on.
resource_signals(scaler) := ((({concat("", [lib.text(metric.resource.name), " utilisation"]) |
	some metric in object.get(scaler.props, ["spec", "metrics"], [])
	metric.type == "Resource"
	metric.resource.name in {"cpu", "memory"}
} | {concat("", ["container ", lib.text(metric.containerResource.name)]) |
	some metric in object.get(scaler.props, ["spec", "metrics"], [])
	metric.type == "ContainerResource"
	metric.containerResource.name in {"cpu", "memory"}
}) | {"cpu utilisation (targetCPUUtilizationPercentage)" |
	object.get(scaler.props, ["spec", "targetCPUUtilizationPercentage"], null) != null
}) | {"cpu utilisation (the default when no metric is set)" |
	kind(scaler.type) == "HorizontalPodAutoscaler"
	object.get(scaler.props, ["spec", "targetCPUUtilizationPercentage"], null) == null
	count(object.get(scaler.props, ["spec", "metrics"], [])) == 0
}) | {concat("", ["a KEDA ", lib.text(trigger.type), " trigger"]) |
	some trigger in object.get(scaler.props, ["spec", "triggers"], [])
	trigger.type in {"cpu", "memory"}
}

scales(scaler, target, workload) if {
	object.get(target, "kind", "Deployment") == kind(workload.type)
	target.name == object.get(workload.props, ["metadata", "name"], null)
	lib.namespace_of(scaler) == lib.namespace_of(workload)
}

claims_gpu(pod) if {
	some container in pod.containers
	some field in ["limits", "requests"]
	some name, _ in object.get(container, ["resources", field], {})
	endswith(name, "/gpu")
}
