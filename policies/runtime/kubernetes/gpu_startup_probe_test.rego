package llmops.runtime.kubernetes.gpu_startup_probe_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.gpu_startup_probe as check
import data.llmops.runtime_fixtures_test as fx

gpu_resources := {"resources": {"requests": {"cpu": "2", "memory": "8Gi"}, "limits": {"memory": "8Gi", "nvidia.com/gpu": "1"}}}

gpu_server := object.union(gpu_resources, {"name": "vllm", "image": "vllm/vllm-openai@sha256:0000000000000000000000000000000000000000000000000000000000000000", "args": ["--model", "/data/llama"]})

# A KServe InferenceService whose predictor runs its own container (a complete PodSpec).
kserve(predictor) := fx.res("kubernetes:serving.kserve.io/v1beta1:InferenceService", {"metadata": {"name": "llm", "namespace": "ns"}, "spec": {"predictor": predictor}})

# A LeaderWorkerSet (multi-node serving): leader and worker templates.
lws(leader, worker) := fx.res("kubernetes:leaderworkerset.x-k8s.io/v1:LeaderWorkerSet", {"metadata": {"name": "llm"}, "spec": {"leaderWorkerTemplate": {
	"size": 2,
	"leaderTemplate": {"spec": {"containers": [leader]}},
	"workerTemplate": {"spec": {"containers": [worker]}},
}}})

probe := {"startupProbe": {"httpGet": {"path": "/health", "port": 8000}, "failureThreshold": 60}}

denied_cases := {
	"KServe predictor container without startupProbe": {"input": fx.doc([kserve({"containers": [gpu_server]})]), "path": "/resources/0/props/spec/predictor/containers/0"},
	"KServe huggingface predictor without startupProbe": {"input": fx.doc([kserve({"huggingface": gpu_server})]), "path": "/resources/0/props/spec/predictor/huggingface"},
	"LeaderWorkerSet leader without startupProbe": {"input": fx.doc([lws(gpu_server, object.union(gpu_server, probe))]), "path": "/resources/0/props/spec/leaderWorkerTemplate/leaderTemplate/spec/containers/0"},
	"GPU server without startupProbe": {"input": fx.doc([fx.with_container(gpu_resources)]), "path": "/resources/0/props/spec/template/spec/containers/0"},
	"AMD GPU requested, no startupProbe": {"input": fx.doc([fx.with_container({"resources": {"requests": {"amd.com/gpu": "1"}}})]), "path": "/resources/0/props/spec/template/spec/containers/0"},
}

allowed_cases := {
	"GPU server with startupProbe": fx.doc([fx.with_container(object.union(gpu_resources, {"startupProbe": {"httpGet": {"path": "/health", "port": 8000}, "failureThreshold": 60}}))]),
	"CPU container": fx.doc([fx.with_container({})]),
	"GPU Job (runs to completion)": fx.doc([object.union(fx.with_container(gpu_resources), {"type": "kubernetes:batch/v1:Job"})]),
	"KServe predictor container with startupProbe": fx.doc([kserve({"containers": [object.union(gpu_server, probe)]})]),
	"KServe model spec (merged over its ServingRuntime, which may hold the probe)": fx.doc([kserve({"model": object.union(gpu_resources, {"modelFormat": {"name": "huggingface"}, "storageUri": "s3://models/llama"})})]),
	"LeaderWorkerSet with startupProbes": fx.doc([lws(object.union(gpu_server, probe), object.union(gpu_server, probe))]),
	"RayJob (runs to completion)": fx.doc([fx.res("kubernetes:ray.io/v1:RayJob", {"metadata": {"name": "batch"}, "spec": {"submitterPodTemplate": {"spec": {"containers": [gpu_server]}}}})]),
	"RayService worker (KubeRay injects its probes)": fx.doc([fx.res("kubernetes:ray.io/v1:RayService", {"metadata": {"name": "llm"}, "spec": {"rayClusterConfig": {"workerGroupSpecs": [{"template": {"spec": {"containers": [gpu_server]}}}]}}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-050", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
