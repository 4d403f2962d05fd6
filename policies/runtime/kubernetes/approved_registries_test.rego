package llmops.runtime.kubernetes.approved_registries_test

import data.llmops.lib.testing
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

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-027", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
