# METADATA
# title: GPU model servers do not scale on CPU or memory
# description: >-
#   An LLM server saturates on queue depth and KV-cache use while its CPU stays low, so a CPU
#   or memory target never adds a replica under load, or adds GPU nodes for tokenizer spikes.
#   A HorizontalPodAutoscaler (an explicit CPU or memory metric, or none, which defaults to
#   CPU) or a KEDA ScaledObject (cpu or memory trigger) whose target claims a GPU is judged, and
#   a KServe InferenceService whose predictor claims a GPU and scales on CPU or memory: an
#   explicit `scaleMetric: cpu|memory`, or the RawDeployment mode's HPA with no metric set (KServe
#   then scales on CPU).
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

deny contains {"id": "LLM-K8S-051", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/spec/predictor"]), "resource": service.urn} if {
	some i, service in input.resources
	lib.kind_key(service.type) == "serving.kserve.io/InferenceService"
	predictor := object.get(service.props, ["spec", "predictor"], {})
	kserve_claims_gpu(predictor)
	some signal in kserve_signals(service, predictor)
	msg := concat("", ["InferenceService ", lib.text(object.get(service.props, ["metadata", "name"], service.name)), ", whose predictor claims a GPU, scales on ", signal])
}

# KServe: an explicit CPU or memory metric, or RawDeployment's default (HPA on CPU) when nothing is set.
kserve_signals(_, predictor) := {concat("", [lib.text(predictor.scaleMetric), " (scaleMetric)"])} if {
	object.get(predictor, "scaleMetric", "") in {"cpu", "memory"}
}

kserve_signals(service, predictor) := {"cpu (RawDeployment's HPA default, no scaleMetric)"} if {
	not object.get(predictor, "scaleMetric", "") in {"cpu", "memory"}
	annotations := object.get(service.props, ["metadata", "annotations"], {})
	object.get(annotations, "serving.kserve.io/deploymentMode", "") in {"RawDeployment", "Standard"}
	object.get(annotations, "serving.kserve.io/autoscalerClass", "hpa") == "hpa"
	object.get(predictor, "scaleMetric", null) == null
	object.get(predictor, "autoScaling", null) == null
	object.get(predictor, "maxReplicas", 0) != object.get(predictor, "minReplicas", 1)
}

kserve_claims_gpu(predictor) if {
	some container in array.concat(object.get(predictor, "containers", []), [object.get(predictor, key, {}) | some key in kserve_container_fields])
	some field in ["limits", "requests"]
	some name, _ in object.get(container, ["resources", field], {})
	endswith(name, "/gpu")
}

kserve_container_fields := ["model", "huggingface", "triton", "pytorch", "tensorflow", "onnx", "sklearn", "xgboost", "lightgbm", "paddle", "pmml"]

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
