package llmops.runtime.kubernetes.no_node_port_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.no_node_port as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"node port": {"input": fx.doc([fx.service({"type": "NodePort"})]), "path": "/resources/0/props/spec/type"},
}

allowed_cases := {
	"cluster ip": fx.doc([fx.service({"type": "ClusterIP"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-014", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
