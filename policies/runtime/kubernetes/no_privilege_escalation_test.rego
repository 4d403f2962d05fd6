package llmops.runtime.kubernetes.no_privilege_escalation_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.no_privilege_escalation as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"unset": {"input": fx.doc([fx.with_container({"securityContext": {"allowPrivilegeEscalation": true}})]), "path": "/resources/0/props/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation"},
}

allowed_cases := {
	"restricted": fx.doc([fx.deployment(fx.good_pod)]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
