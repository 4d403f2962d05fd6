package llmops.runtime.kubernetes.resource_limits_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.resource_limits as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"no limits": {"input": fx.doc([fx.deployment(object.union(fx.good_pod, {"containers": [object.union(json.remove(fx.good_container, ["resources"]), {"resources": {"requests": {"cpu": "1", "memory": "1Gi"}}})]}))]), "path": "/resources/0/props/spec/template/spec/containers/0/resources"},
}

allowed_cases := {
	"bounded": fx.doc([fx.deployment(fx.good_pod)]),
	"ephemeral container (the API forbids resources)": fx.doc([fx.k8s("kubernetes:core/v1:Pod", "Pod", {"spec": object.union(fx.good_pod, {"ephemeralContainers": [json.remove(fx.good_container, ["resources"])]})})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-011", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
