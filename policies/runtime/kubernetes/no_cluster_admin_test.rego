package llmops.runtime.kubernetes.no_cluster_admin_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.no_cluster_admin as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"cluster admin": {"input": fx.doc([fx.binding("cluster-admin")]), "path": "/resources/0/props/roleRef"},
}

allowed_cases := {
	"own role": fx.doc([fx.binding("reader")]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-020", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
