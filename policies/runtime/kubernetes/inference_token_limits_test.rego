package llmops.runtime.kubernetes.inference_token_limits_test

import data.llmops.runtime.kubernetes.inference_token_limits as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"flag named in another word": {"input": fx.doc([fx.with_container({"image": "vllm/vllm-openai:v1", "args": ["--max-model-length-hint", "1"]})]), "path": "/resources/0/props/spec/template/spec/containers/0"},
	"ray serve config without limits": {"input": fx.doc([fx.k8s("kubernetes:ray.io/v1:RayService", "RayService", {"spec": {"serveConfigV2": "applications: []", "rayClusterConfig": {"headGroupSpec": {"template": {"spec": object.union(fx.good_pod, {"containers": [object.union(fx.good_container, {"image": "ray-vllm:v1"})]})}}}}})]), "path": "/resources/0/props/spec/rayClusterConfig/headGroupSpec/template/spec/containers/0"},
	"unbounded vllm": {"input": fx.doc([fx.with_container({"image": "registry.internal.example.com/serving/vllm-openai@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "args": ["--model", "/models/m"]})]), "path": "/resources/0/props/spec/template/spec/containers/0"},
}

allowed_cases := {
	"bounded vllm": fx.doc([fx.with_container({"image": "registry.internal.example.com/serving/vllm-openai@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "args": ["--model", "/models/m", "--max-model-len", "8192"]})]),
	"not a model server": fx.doc([fx.deployment(fx.good_pod)]),
	"flag=value": fx.doc([fx.with_container({"image": "vllm/vllm-openai:v1", "args": ["--max-model-len=4096"]})]),
	"in a shell command": fx.doc([fx.with_container({"image": "vllm/vllm-openai:v1", "command": ["sh", "-c", "python3 -m vllm.entrypoints.openai.api_server --max-model-len 8192 --port 8080"]})]),
	"env read by the entrypoint": fx.doc([fx.with_container({"image": "vllm/vllm-openai:v1", "env": [{"name": "MAX_MODEL_LEN", "value": "8192"}]})]),
	"ray serve config": fx.doc([fx.k8s("kubernetes:ray.io/v1:RayService", "RayService", {"spec": {"serveConfigV2": "applications:\n- runtime_env:\n    env_vars:\n      MAX_MODEL_LEN: \"8192\"\n", "rayClusterConfig": {"headGroupSpec": {"template": {"spec": object.union(fx.good_pod, {"containers": [object.union(fx.good_container, {"image": "ray-vllm:v1"})]})}}}}})]),
	"serving runtime template": fx.doc([fx.k8s("kubernetes:serving.kserve.io/v1alpha1:ClusterServingRuntime", "ClusterServingRuntime", {"spec": {"containers": [object.union(fx.good_container, {"image": "vllm/vllm-openai:v1"})]}})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-023", tc.path]}
	every f in found { f.resource != "" }
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}

# The denied inputs with every resource retyped to a type no check knows yield nothing.
test_other_types_pass[note] if {
	some note, tc in denied_cases
	found := check.deny with input as fx.retyped(tc.input)
	count(found) == 0
}
