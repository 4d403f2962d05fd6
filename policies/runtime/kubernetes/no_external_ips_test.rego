package llmops.runtime.kubernetes.no_external_ips_test

import data.llmops.runtime.kubernetes.no_external_ips as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"ClusterIP with an external IP": {"input": fx.doc([fx.service({"type": "ClusterIP", "selector": {"app": "app"}, "ports": [{"port": 8000}], "externalIPs": ["203.0.113.10"]})]), "path": "/resources/0/props/spec/externalIPs"},
}

allowed_cases := {
	"ClusterIP": fx.doc([fx.service({"type": "ClusterIP", "selector": {"app": "app"}, "ports": [{"port": 8000}]})]),
	"empty list": fx.doc([fx.service({"type": "ClusterIP", "selector": {"app": "app"}, "ports": [{"port": 8000}], "externalIPs": []})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-045", tc.path]}
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
