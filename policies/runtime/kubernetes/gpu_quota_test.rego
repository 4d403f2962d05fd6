package llmops.runtime.kubernetes.gpu_quota_test

import data.llmops.runtime.kubernetes.gpu_quota as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"no quota": {"input": fx.doc([fx.with_container({"resources": {"requests": {"cpu": "1", "memory": "1Gi"}, "limits": {"memory": "1Gi", "nvidia.com/gpu": "1"}}})]), "path": "/resources/0/props/metadata"},
}

allowed_cases := {
	"quota": fx.doc([fx.with_container({"resources": {"requests": {"cpu": "1", "memory": "1Gi"}, "limits": {"memory": "1Gi", "nvidia.com/gpu": "1"}}}), fx.quota({"requests.nvidia.com/gpu": "4"})]),
	"cpu only": fx.doc([fx.deployment(fx.good_pod)]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-017", tc.path]}
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
