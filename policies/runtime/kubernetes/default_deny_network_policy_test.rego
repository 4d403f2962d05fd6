package llmops.runtime.kubernetes.default_deny_network_policy_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.default_deny_network_policy as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"no policy": {"input": fx.doc([fx.deployment(fx.good_pod)]), "path": "/resources/0/props/metadata"},
	"ingress only": {"input": fx.doc([fx.deployment(fx.good_pod), fx.network_policy({"podSelector": {}, "policyTypes": ["Ingress"]})]), "path": "/resources/0/props/metadata"},
}

allowed_cases := {
	"default deny": fx.doc([fx.deployment(fx.good_pod), fx.network_policy({"podSelector": {}, "policyTypes": ["Ingress", "Egress"]})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-016", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
