package llmops.runtime.kubernetes.drop_all_capabilities_test

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

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-003", tc.path]}
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
