package llmops.runtime.kubernetes.weights_digest_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.weights_digest as check
import data.llmops.runtime_fixtures_test as fx

tgi_image := "registry.internal.example.com/serving/tgi@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

vllm_image := "vllm/vllm-openai:v0.6.3"

weights_digest := {"llmops.dev/weights-digest": "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}

commit := "0e9e39f249a16976918f6564b8830bc894c89659"

offline := [{"name": "HF_HUB_OFFLINE", "value": "1"}]

container_path := "/resources/0/props/spec/template/spec/containers/0"

fetcher(args) := object.union(fx.good_container, {"name": "fetch", "args": args})

kserve(uri) := fx.k8s("kubernetes:serving.kserve.io/v1beta1:InferenceService", "InferenceService", {"spec": {"predictor": {"minReplicas": 1, "model": {"modelFormat": {"name": "huggingface"}, "storageUri": uri}}}})

denied_cases := {
	"unpinned": {"input": fx.doc([fx.with_container({"image": tgi_image, "args": ["--max-input-tokens", "10"]})]), "path": container_path},
	"the annotation beside --model <hub name>": {"input": fx.doc([fx.annotated(fx.with_container({"image": vllm_image, "args": ["--model", "meta-llama/Llama-3.1-8B-Instruct"], "env": offline}), weights_digest)]), "path": container_path},
	"hub model pinned by a branch name": {"input": fx.doc([fx.with_container({"image": vllm_image, "args": ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--revision", "main"], "env": offline})]), "path": container_path},
	"hub model pinned by commit but online": {"input": fx.doc([fx.with_container({"image": vllm_image, "args": ["--model=meta-llama/Llama-3.1-8B-Instruct", concat("=", ["--revision", commit])]})]), "path": container_path},
	"vllm serve <hub name> in a shell line": {"input": fx.doc([fx.with_container({"image": "python:3.12-slim", "command": ["sh", "-c", "vllm serve Qwen/Qwen2.5-7B-Instruct --max-model-len 4096"], "env": offline})]), "path": container_path},
	"TGI hub model from env": {"input": fx.doc([fx.with_container({"image": "ghcr.io/huggingface/text-generation-inference:3.0", "env": [{"name": "MODEL_ID", "value": "mistralai/Mistral-7B-Instruct-v0.3"}]})]), "path": container_path},
	"fetcher that verifies nothing": {"input": fx.doc([fx.deployment(object.union(fx.good_pod, {"initContainers": [fetcher(["fetch", "--source", "s3://b/m", "--sha256", "latest"])], "containers": [object.union(fx.good_container, {"image": tgi_image, "args": ["--model-id", "/models/m"]})]}))]), "path": container_path},
	"KServe storageUri by path": {"input": fx.doc([kserve("s3://models/llama/")]), "path": "/resources/0/props/spec/predictor/model/storageUri"},
	"KServe oci model car by tag": {"input": fx.doc([kserve("oci://registry.example.com/models/llama:v1")]), "path": "/resources/0/props/spec/predictor/model/storageUri"},
}

allowed_cases := {
	"annotated": fx.doc([fx.annotated(fx.with_container({"image": tgi_image}), weights_digest)]),
	"annotated Pod": fx.doc([fx.k8s("kubernetes:core/v1:Pod", "Pod", {"metadata": {"annotations": weights_digest}, "spec": object.union(fx.good_pod, {"containers": [object.union(fx.good_container, {"image": tgi_image, "args": ["--model-id", "/models/m"]})]})})]),
	"fetched and verified by an init container": fx.doc([fx.deployment(object.union(fx.good_pod, {"initContainers": [fetcher(["fetch", "--source", "s3://b/m", "--sha256", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"])], "containers": [object.union(fx.good_container, {"image": tgi_image, "args": ["--model-id", "/models/m"]})]}))]),
	"hub model by commit, offline": fx.doc([fx.with_container({"image": vllm_image, "args": ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--revision", commit], "env": offline})]),
	"TGI hub model by commit in env, offline": fx.doc([fx.with_container({"image": "ghcr.io/huggingface/text-generation-inference:3.0", "env": [{"name": "MODEL_ID", "value": "mistralai/Mistral-7B-Instruct-v0.3"}, {"name": "REVISION", "value": commit}, {"name": "HF_HUB_OFFLINE", "value": "true"}]})]),
	"KServe oci model car by digest": fx.doc([kserve("oci://registry.example.com/models/llama@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc")]),
	"not a model server": fx.doc([fx.deployment(fx.good_pod)]),
	"KServe storageUri filled in elsewhere": fx.doc([kserve(null)]),
	"a hub download in an init container is not the server": fx.doc([fx.deployment(object.union(fx.good_pod, {"initContainers": [object.union(fx.good_container, {"image": vllm_image, "args": ["--model", "org/warmup"]})]}))]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-024", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}

# A serving-runtime template loads whatever model the InferenceService selecting it names.
test_serving_runtime_not_judged if {
	runtime := fx.k8s("kubernetes:serving.kserve.io/v1alpha1:ClusterServingRuntime", "ClusterServingRuntime", {"spec": {"containers": [object.union(fx.good_container, {"image": "vllm/vllm-openai:v1"})]}})
	count(check.deny) == 0 with input as fx.doc([runtime])
}
