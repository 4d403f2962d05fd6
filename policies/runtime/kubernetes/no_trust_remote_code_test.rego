package llmops.runtime.kubernetes.no_trust_remote_code_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.no_trust_remote_code as check
import data.llmops.runtime_fixtures_test as fx

container_path := "/resources/0/props/spec/template/spec/containers/0"

denied_cases := {
	"vLLM flag": {"input": fx.doc([fx.with_container({"image": "vllm/vllm-openai:v0.6.3", "args": ["--model", "/models/m", "--trust-remote-code"]})]), "path": container_path},
	"flag=true": {"input": fx.doc([fx.with_container({"image": "vllm/vllm-openai:v0.6.3", "args": ["--trust-remote-code=true"]})]), "path": container_path},
	"in a shell line": {"input": fx.doc([fx.with_container({"command": ["sh", "-c", "python3 -m sglang.launch_server --model-path /m --trust-remote-code"]})]), "path": container_path},
	"TGI env form": {"input": fx.doc([fx.with_container({"image": "ghcr.io/huggingface/text-generation-inference:3.0", "env": [{"name": "MODEL_ID", "value": "/models/m"}, {"name": "TRUST_REMOTE_CODE", "value": "true"}]})]), "path": "/resources/0/props/spec/template/spec/containers/0/env/1/value"},
}

allowed_cases := {
	"no switch": fx.doc([fx.with_container({"image": "vllm/vllm-openai:v0.6.3", "args": ["--model", "/models/m", "--max-model-len", "4096"]})]),
	"explicitly off": fx.doc([fx.with_container({"args": ["--trust-remote-code=false"], "env": [{"name": "TRUST_REMOTE_CODE", "value": "false"}]})]),
	"other variables, and one from a reference": fx.doc([fx.with_container({"env": [{"name": "HF_HUB_OFFLINE", "value": "true"}, {"name": "TRUST_REMOTE_CODE", "valueFrom": {"configMapKeyRef": {"name": "c", "key": "k"}}}]})]),
	"only a mention in a longer word": fx.doc([fx.with_container({"args": ["--no-trust-remote-code-warning"]})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-041", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
