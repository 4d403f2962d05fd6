package llmops.runtime.kubernetes.no_default_namespace_test

import data.llmops.lib.testing
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

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-044", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
