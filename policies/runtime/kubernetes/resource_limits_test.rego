package llmops.runtime.kubernetes.resource_limits_test

import data.llmops.runtime.kubernetes.resource_limits as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"no limits": {"input": fx.doc([fx.deployment(object.union(fx.good_pod, {"containers": [object.union(json.remove(fx.good_container, ["resources"]), {"resources": {"requests": {"cpu": "1", "memory": "1Gi"}}})]}))]), "path": "/resources/0/props/spec/template/spec/containers/0/resources"},
}

allowed_cases := {
	"bounded": fx.doc([fx.deployment(fx.good_pod)]),
	"ephemeral container (the API forbids resources)": fx.doc([fx.k8s("kubernetes:core/v1:Pod", "Pod", {"spec": object.union(fx.good_pod, {"ephemeralContainers": [json.remove(fx.good_container, ["resources"])]})})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-011", tc.path]}
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
