package llmops.runtime.kubernetes.drop_all_capabilities_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.drop_all_capabilities as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"drops nothing": {"input": fx.doc([fx.with_container({"securityContext": {"capabilities": {"drop": []}}})]), "path": "/resources/0/props/spec/template/spec/containers/0/securityContext/capabilities"},
	"drops ALL, adds SYS_ADMIN back": {"input": fx.doc([fx.with_container({"securityContext": {"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE", "SYS_ADMIN"]}}})]), "path": "/resources/0/props/spec/template/spec/containers/0/securityContext/capabilities/add/1"},
	"drops ALL, adds cap_net_raw in lower case": {"input": fx.doc([fx.with_container({"securityContext": {"capabilities": {"drop": ["all"], "add": ["cap_net_raw"]}}})]), "path": "/resources/0/props/spec/template/spec/containers/0/securityContext/capabilities/add/0"},
}

allowed_cases := {
	"restricted": fx.doc([fx.deployment(fx.good_pod)]),
	"drops ALL, adds NET_BIND_SERVICE back": fx.doc([fx.with_container({"securityContext": {"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE", "CAP_NET_BIND_SERVICE"]}}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
