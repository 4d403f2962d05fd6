package llmops.runtime.kubernetes.approved_registries_test

import data.llmops.runtime.kubernetes.approved_registries as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"docker hub": {"input": fx.doc([fx.with_container({"image": "docker.io/library/nginx@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})]), "path": "/resources/0/props/spec/template/spec/containers/0/image"},
	"docker hub short name of a personal account": {"input": fx.doc([fx.with_container({"image": "someuser/vllm-openai:latest"})]), "path": "/resources/0/props/spec/template/spec/containers/0/image"},
	"docker hub library short name without a tag": {"input": fx.doc([fx.with_container({"image": "nginx"})]), "path": "/resources/0/props/spec/template/spec/containers/0/image"},
	"docker hub library short name": {"input": fx.doc([fx.with_container({"image": "nginx:1.27"})]), "path": "/resources/0/props/spec/template/spec/containers/0/image"},
	"look-alike host": {"input": fx.doc([fx.with_container({"image": "registry.internal.example.com.attacker.io/serving/app:1"})]), "path": "/resources/0/props/spec/template/spec/containers/0/image"},
	"publisher name under another account": {"input": fx.doc([fx.with_container({"image": "ghcr.io/huggingface-mirror/text-generation-inference:3"})]), "path": "/resources/0/props/spec/template/spec/containers/0/image"},
	"personal account with a registry port": {"input": fx.doc([fx.with_container({"image": "localhost:5000/vllm/vllm-openai:latest"})]), "path": "/resources/0/props/spec/template/spec/containers/0/image"},
}

allowed_cases := {
	"internal": fx.doc([fx.deployment(fx.good_pod)]),
	"vLLM's own repository, short name": fx.doc([fx.with_container({"image": "vllm/vllm-openai:v0.6.3"})]),
	"vLLM's own repository, index.docker.io": fx.doc([fx.with_container({"image": "index.docker.io/vllm/vllm-openai:v0.6.3"})]),
	"TGI's own repository": fx.doc([fx.with_container({"image": "ghcr.io/huggingface/text-generation-inference:3.0"})]),
	"Triton from NGC": fx.doc([fx.with_container({"image": "nvcr.io/nvidia/tritonserver:24.08-trtllm-python-py3"})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-027", tc.path]}
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
