package llmops.runtime.kubernetes.namespace_pod_security_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.namespace_pod_security as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"baseline": {"input": fx.doc([fx.namespace({"pod-security.kubernetes.io/enforce": "baseline"})]), "path": "/resources/0/props/metadata/labels"},
}

allowed_cases := {
	"restricted": fx.doc([fx.namespace({"pod-security.kubernetes.io/enforce": "restricted"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-015", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
