package llmops.runtime.kubernetes.probes_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.probes as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"older API version": {"input": fx.doc([object.union(fx.deployment(object.union(fx.good_pod, {"containers": [json.remove(fx.good_container, ["livenessProbe"])]})), {"type": "kubernetes:extensions/v1beta1:Deployment"})]), "path": "/resources/0/props/spec/template/spec/containers/0"},
	"no readiness": {"input": fx.doc([fx.deployment(object.union(fx.good_pod, {"containers": [json.remove(fx.good_container, ["readinessProbe"])]}))]), "path": "/resources/0/props/spec/template/spec/containers/0"},
}

allowed_cases := {
	"probed": fx.doc([fx.deployment(fx.good_pod)]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-022", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
