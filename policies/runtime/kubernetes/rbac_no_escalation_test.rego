package llmops.runtime.kubernetes.rbac_no_escalation_test

import data.llmops.runtime.kubernetes.rbac_no_escalation as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"impersonate": {"input": fx.doc([fx.role([{"apiGroups": [""], "resources": ["users"], "verbs": ["impersonate"]}])]), "path": "/resources/0/props/rules/0/verbs"},
}

allowed_cases := {
	"read": fx.doc([fx.role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}])]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-019", tc.path]}
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
