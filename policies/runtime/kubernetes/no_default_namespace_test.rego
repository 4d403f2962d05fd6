package llmops.runtime.kubernetes.no_default_namespace_test

import data.llmops.runtime.kubernetes.no_default_namespace as check
import data.llmops.runtime_fixtures_test as fx

in_namespace(resource, namespace) := object.union(resource, {"props": {"metadata": {"namespace": namespace}}})

denied_cases := {
	"Deployment in default": {"input": fx.doc([in_namespace(fx.deployment(fx.good_pod), "default")]), "path": "/resources/0/props/metadata/namespace"},
	"Pod in default": {"input": fx.doc([fx.k8s("kubernetes:core/v1:Pod", "Pod", {"metadata": {"namespace": "default"}, "spec": fx.good_pod})]), "path": "/resources/0/props/metadata/namespace"},
}

allowed_cases := {
	"own namespace": fx.doc([fx.deployment(fx.good_pod)]),
	"namespace left to kubectl or helm": fx.doc([json.remove(fx.deployment(fx.good_pod), ["props/metadata/namespace"])]),
	"a ConfigMap in default is not a workload": fx.doc([in_namespace(fx.config_map({"a": "b"}), "default")]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-044", tc.path]}
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
