package llmops.runtime.kubernetes.no_cluster_admin_test

import data.llmops.runtime.kubernetes.no_cluster_admin as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"cluster admin": {"input": fx.doc([fx.binding("cluster-admin")]), "path": "/resources/0/props/roleRef"},
}

allowed_cases := {
	"own role": fx.doc([fx.binding("reader")]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-020", tc.path]}
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
