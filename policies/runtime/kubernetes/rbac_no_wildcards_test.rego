package llmops.runtime.kubernetes.rbac_no_wildcards_test

import data.llmops.runtime.kubernetes.rbac_no_wildcards as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"star verbs": {"input": fx.doc([fx.role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["*"]}])]), "path": "/resources/0/props/rules/0"},
}

allowed_cases := {
	"exact": fx.doc([fx.role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"]}])]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-018", tc.path]}
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
