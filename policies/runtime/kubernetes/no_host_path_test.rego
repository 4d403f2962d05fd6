package llmops.runtime.kubernetes.no_host_path_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.no_host_path as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"host path": {"input": fx.doc([fx.deployment(object.union(fx.good_pod, {"volumes": [{"name": "host", "hostPath": {"path": "/var/run"}}]}))]), "path": "/resources/0/props/spec/template/spec/volumes/0"},
}

allowed_cases := {
	"empty dir": fx.doc([fx.deployment(object.union(fx.good_pod, {"volumes": [{"name": "tmp", "emptyDir": {}}]}))]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-008", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
