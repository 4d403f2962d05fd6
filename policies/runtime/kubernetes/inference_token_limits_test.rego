package llmops.runtime.kubernetes.inference_token_limits_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.inference_token_limits as check
import data.llmops.runtime_fixtures_test as fx

vllm_image := "registry.internal.example.com/serving/vllm-openai@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

server(patch) := fx.doc([fx.with_container(patch)])

container_path := "/resources/0/props/spec/template/spec/containers/0"

denied_cases := {
	"ray serve config without limits": {"input": fx.doc([fx.k8s("kubernetes:ray.io/v1:RayService", "RayService", {"spec": {"serveConfigV2": "applications: []", "rayClusterConfig": {"headGroupSpec": {"template": {"spec": object.union(fx.good_pod, {"containers": [object.union(fx.good_container, {"image": vllm_image})]})}}}}})]), "path": "/resources/0/props/spec/rayClusterConfig/headGroupSpec/template/spec/containers/0"},
	"unbounded vllm": {"input": server({"image": vllm_image, "args": ["--model", "/models/m"]}), "path": container_path},
	"vllm recognised by its command in a plain python image": {"input": server({"image": "python:3.12-slim", "command": ["python", "-m", "vllm.entrypoints.openai.api_server"], "args": ["--model", "/models/m"]}), "path": container_path},
	"a private env variable nothing reads": {"input": server({"image": vllm_image, "args": ["--model", "/models/m"], "env": [{"name": "LLMOPS_MAX_INPUT_TOKENS", "value": "4096"}]}), "path": container_path},
	"vllm limit above the ceiling": {"input": server({"image": vllm_image, "args": ["--model", "/models/m", "--max-model-len", "1048576"]}), "path": container_path},
	"vllm limit 0": {"input": server({"image": vllm_image, "args": ["--model", "/models/m", "--max-model-len=0"]}), "path": container_path},
	"TGI without limits": {"input": server({"image": "ghcr.io/huggingface/text-generation-inference:3.0", "args": ["--model-id", "/models/m"]}), "path": container_path},
	"TGI env limit above the ceiling": {"input": server({"image": "ghcr.io/huggingface/text-generation-inference:3.0", "env": [{"name": "MAX_TOTAL_TOKENS", "value": "999999999"}]}), "path": container_path},
	"SGLang by command": {"input": server({"image": "python:3.12-slim", "command": ["python3", "-m", "sglang.launch_server", "--model-path", "/models/m"]}), "path": container_path},
	"llama.cpp context taken from the model (-c 0)": {"input": server({"image": "ghcr.io/ggml-org/llama.cpp:server", "command": ["llama-server"], "args": ["-m", "/models/m.gguf", "-c", "0"]}), "path": container_path},
	"TensorRT-LLM serve without limits": {"input": server({"image": "nvcr.io/nvidia/tensorrt-llm/release:0.17.0", "command": ["trtllm-serve", "/engines/m"]}), "path": container_path},
	"Ollama context raised above the ceiling": {"input": server({"image": "ollama/ollama:0.6.0", "env": [{"name": "OLLAMA_CONTEXT_LENGTH", "value": "1048576"}]}), "path": container_path},
}

allowed_cases := {
	"ray serve config": fx.doc([fx.k8s("kubernetes:ray.io/v1:RayService", "RayService", {"spec": {"serveConfigV2": "applications:\n- runtime_env:\n    env_vars:\n      MAX_MODEL_LEN: \"8192\"\n", "rayClusterConfig": {"headGroupSpec": {"template": {"spec": object.union(fx.good_pod, {"containers": [object.union(fx.good_container, {"image": vllm_image})]})}}}}})]),
	"serving runtime template": fx.doc([fx.k8s("kubernetes:serving.kserve.io/v1alpha1:ClusterServingRuntime", "ClusterServingRuntime", {"spec": {"containers": [object.union(fx.good_container, {"image": vllm_image})]}})]),
	"bounded vllm": server({"image": vllm_image, "args": ["--model", "/models/m", "--max-model-len", "8192"]}),
	"bounded vllm, --flag=value": server({"image": vllm_image, "args": ["--model", "/models/m", "--max-model-len=8192"]}),
	"bounded vllm in a shell line": server({"image": "python:3.12-slim", "command": ["sh", "-c", "exec vllm serve /models/m --max-model-len 4096"]}),
	"TGI bounded by its env": server({"image": "ghcr.io/huggingface/text-generation-inference:3.0", "env": [{"name": "MAX_INPUT_TOKENS", "value": "2048"}, {"name": "MAX_TOTAL_TOKENS", "value": "4096"}]}),
	"Triton with a vLLM backend is not judged by vLLM flags": server({"image": "nvcr.io/nvidia/tritonserver:24.08-vllm-python-py3", "args": ["--model-repository=/models"]}),
	"Triton by command": server({"image": "registry.internal.example.com/serving/custom@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "command": ["tritonserver"], "args": ["--model-repository=/models"]}),
	"Ollama bounded by default": server({"image": "ollama/ollama:0.6.0"}),
	"llama.cpp with a context size": server({"image": "ghcr.io/ggml-org/llama.cpp:server", "command": ["llama-server"], "args": ["-m", "/models/m.gguf", "--ctx-size", "4096", "-n", "512"]}),
	"llama.cpp bounded by its default context": server({"image": "ghcr.io/ggml-org/llama.cpp:server", "command": ["llama-server"], "args": ["-m", "/models/m.gguf"]}),
	"an init container's flags are not the server's": fx.doc([fx.deployment(object.union(fx.good_pod, {"initContainers": [object.union(fx.good_container, {"image": vllm_image, "args": ["--max-model-len=0"]})]}))]),
	"not a model server": fx.doc([fx.deployment(fx.good_pod)]),
	"a vLLM image in an init container that only downloads": fx.doc([fx.deployment(object.union(fx.good_pod, {"initContainers": [object.union(fx.good_container, {"image": vllm_image, "command": ["huggingface-cli", "download"]})]}))]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-023", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
