package llmops.runtime.kubernetes.seccomp_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.seccomp as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"unconfined": {"input": fx.doc([fx.deployment(object.union(fx.good_pod, {"securityContext": {"seccompProfile": {"type": "Unconfined"}}, "containers": [json.remove(fx.good_container, ["securityContext/seccompProfile"])]}))]), "path": "/resources/0/props/spec/template/spec/containers/0/securityContext/seccompProfile"},
}

allowed_cases := {
	"runtime default": fx.doc([fx.deployment(fx.good_pod)]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-005", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
