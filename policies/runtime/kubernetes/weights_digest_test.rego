package llmops.runtime.kubernetes.weights_digest_test

import data.llmops.runtime.kubernetes.weights_digest as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"unpinned": {"input": fx.doc([fx.with_container({"image": "registry.internal.example.com/serving/tgi@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "args": ["--max-input-tokens", "10"]})]), "path": "/resources/0/props/spec/template/spec"},
}

allowed_cases := {
	"annotated": fx.doc([fx.annotated(fx.with_container({"image": "registry.internal.example.com/serving/tgi@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}), {"llmops.dev/weights-digest": "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"})]),
	"not a model server": fx.doc([fx.deployment(fx.good_pod)]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-024", tc.path]}
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

# A serving-runtime template loads whatever model the InferenceService selecting it names.
test_serving_runtime_not_judged if {
	runtime := fx.k8s("kubernetes:serving.kserve.io/v1alpha1:ClusterServingRuntime", "ClusterServingRuntime", {"spec": {"containers": [object.union(fx.good_container, {"image": "vllm/vllm-openai:v1"})]}})
	count(check.deny) == 0 with input as fx.doc([runtime])
}
