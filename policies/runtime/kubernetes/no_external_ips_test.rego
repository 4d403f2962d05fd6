package llmops.runtime.kubernetes.no_external_ips_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.no_external_ips as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"ClusterIP with an external IP": {"input": fx.doc([fx.service({"type": "ClusterIP", "selector": {"app": "app"}, "ports": [{"port": 8000}], "externalIPs": ["203.0.113.10"]})]), "path": "/resources/0/props/spec/externalIPs"},
}

allowed_cases := {
	"ClusterIP": fx.doc([fx.service({"type": "ClusterIP", "selector": {"app": "app"}, "ports": [{"port": 8000}]})]),
	"empty list": fx.doc([fx.service({"type": "ClusterIP", "selector": {"app": "app"}, "ports": [{"port": 8000}], "externalIPs": []})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-045", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
