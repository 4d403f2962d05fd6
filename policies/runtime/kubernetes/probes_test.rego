package llmops.runtime.kubernetes.probes_test

import data.llmops.runtime.kubernetes.probes as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"older API version": {"input": fx.doc([object.union(fx.deployment(object.union(fx.good_pod, {"containers": [json.remove(fx.good_container, ["livenessProbe"])]})), {"type": "kubernetes:extensions/v1beta1:Deployment"})]), "path": "/resources/0/props/spec/template/spec/containers/0"},
	"no readiness": {"input": fx.doc([fx.deployment(object.union(fx.good_pod, {"containers": [json.remove(fx.good_container, ["readinessProbe"])]}))]), "path": "/resources/0/props/spec/template/spec/containers/0"},
}

allowed_cases := {
	"probed": fx.doc([fx.deployment(fx.good_pod)]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-022", tc.path]}
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
