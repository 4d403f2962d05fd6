package llmops.runtime.kubernetes.default_deny_network_policy_test

import data.llmops.runtime.kubernetes.default_deny_network_policy as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"no policy": {"input": fx.doc([fx.deployment(fx.good_pod)]), "path": "/resources/0/props/metadata"},
	"ingress only": {"input": fx.doc([fx.deployment(fx.good_pod), fx.network_policy({"podSelector": {}, "policyTypes": ["Ingress"]})]), "path": "/resources/0/props/metadata"},
}

allowed_cases := {
	"default deny": fx.doc([fx.deployment(fx.good_pod), fx.network_policy({"podSelector": {}, "policyTypes": ["Ingress", "Egress"]})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-016", tc.path]}
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
