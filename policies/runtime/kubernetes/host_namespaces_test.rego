package llmops.runtime.kubernetes.host_namespaces_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.host_namespaces as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"host network": {"input": fx.doc([fx.deployment(object.union(fx.good_pod, {"hostNetwork": true}))]), "path": "/resources/0/props/spec/template/spec/hostNetwork"},
}

allowed_cases := {
	"isolated": fx.doc([fx.deployment(fx.good_pod)]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-007", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
