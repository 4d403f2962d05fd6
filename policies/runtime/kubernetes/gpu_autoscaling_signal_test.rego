package llmops.runtime.kubernetes.gpu_autoscaling_signal_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.gpu_autoscaling_signal as check
import data.llmops.runtime_fixtures_test as fx

gpu_server := fx.with_container({"resources": {"requests": {"cpu": "2", "memory": "8Gi"}, "limits": {"memory": "8Gi", "nvidia.com/gpu": "1"}}})

target := {"apiVersion": "apps/v1", "kind": "Deployment", "name": "app"}

hpa(spec) := fx.res("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", {"metadata": {"name": "app", "namespace": "ns"}, "spec": object.union({"scaleTargetRef": target, "maxReplicas": 4}, spec)})

scaled_object(triggers) := fx.res("kubernetes:keda.sh/v1alpha1:ScaledObject", {"metadata": {"name": "app", "namespace": "ns"}, "spec": {"scaleTargetRef": {"name": "app"}, "triggers": triggers}})

cpu_metric := {"type": "Resource", "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 70}}}

queue_trigger := {"type": "prometheus", "metadata": {"serverAddress": "http://prometheus:9090", "query": "sum(vllm:num_requests_waiting)", "threshold": "4"}}

gpu_model := {"modelFormat": {"name": "huggingface"}, "storageUri": "s3://models/llama", "resources": {"limits": {"nvidia.com/gpu": "1"}}}

kserve(annotations, predictor) := fx.res("kubernetes:serving.kserve.io/v1beta1:InferenceService", {"metadata": {"name": "llm", "namespace": "ns", "annotations": annotations}, "spec": {"predictor": predictor}})

raw := {"serving.kserve.io/deploymentMode": "RawDeployment"}

denied_cases := {
	"KServe predictor scaling on cpu": {"input": fx.doc([kserve({}, {"model": gpu_model, "scaleMetric": "cpu", "scaleTarget": 70, "minReplicas": 1, "maxReplicas": 4})]), "path": "/resources/0/props/spec/predictor"},
	"KServe RawDeployment with no metric (HPA on CPU)": {"input": fx.doc([kserve(raw, {"model": gpu_model, "minReplicas": 1, "maxReplicas": 4})]), "path": "/resources/0/props/spec/predictor"},
	"HPA on CPU": {"input": fx.doc([hpa({"metrics": [cpu_metric]}), gpu_server]), "path": "/resources/0/props"},
	"HPA with no metrics (defaults to CPU)": {"input": fx.doc([hpa({}), gpu_server]), "path": "/resources/0/props"},
	"HPA v1 CPU target": {"input": fx.doc([object.union(hpa({"targetCPUUtilizationPercentage": 70}), {"type": "kubernetes:autoscaling/v1:HorizontalPodAutoscaler"}), gpu_server]), "path": "/resources/0/props"},
	"KEDA cpu trigger beside the queue": {"input": fx.doc([scaled_object([queue_trigger, {"type": "cpu", "metricType": "Utilization", "metadata": {"value": "70"}}]), gpu_server]), "path": "/resources/0/props"},
}

allowed_cases := {
	"KServe serverless (Knative scales on concurrency)": fx.doc([kserve({}, {"model": gpu_model, "minReplicas": 1, "maxReplicas": 4})]),
	"KServe RawDeployment scaled by KEDA (autoscalerClass external)": fx.doc([kserve(object.union(raw, {"serving.kserve.io/autoscalerClass": "external"}), {"model": gpu_model, "minReplicas": 1, "maxReplicas": 4})]),
	"KServe RawDeployment at a fixed size": fx.doc([kserve(raw, {"model": gpu_model, "minReplicas": 2, "maxReplicas": 2})]),
	"KServe CPU predictor on cpu": fx.doc([kserve({}, {"model": {"modelFormat": {"name": "sklearn"}}, "scaleMetric": "cpu"})]),
	"KEDA on queue depth": fx.doc([scaled_object([queue_trigger]), gpu_server]),
	"HPA on an external metric": fx.doc([hpa({"metrics": [{"type": "External", "external": {"metric": {"name": "vllm_num_requests_waiting"}, "target": {"type": "AverageValue", "averageValue": "4"}}}]}), gpu_server]),
	"HPA on CPU for a CPU workload": fx.doc([hpa({"metrics": [cpu_metric]}), fx.with_container({})]),
	"HPA on CPU for another namespace's GPU server": fx.doc([object.union(hpa({"metrics": [cpu_metric]}), {"props": {"metadata": {"namespace": "other"}}}), gpu_server]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-051", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
