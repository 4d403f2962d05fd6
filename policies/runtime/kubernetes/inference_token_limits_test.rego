package llmops.runtime.kubernetes.inference_token_limits_test

import data.llmops.runtime.kubernetes.inference_token_limits as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"unbounded vllm": {"input": fx.doc([fx.with_container({"image": "registry.internal.example.com/serving/vllm-openai@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "args": ["--model", "/models/m"]})]), "path": "/resources/0/props/spec/template/spec/containers/0"},
}

allowed_cases := {
	"bounded vllm": fx.doc([fx.with_container({"image": "registry.internal.example.com/serving/vllm-openai@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "args": ["--model", "/models/m", "--max-model-len", "8192"]})]),
	"not a model server": fx.doc([fx.deployment(fx.good_pod)]),
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
