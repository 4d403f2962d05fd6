package llmops.runtime.kubernetes.rbac_no_escalation_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.rbac_no_escalation as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"impersonate": {"input": fx.doc([fx.role([{"apiGroups": [""], "resources": ["users"], "verbs": ["impersonate"]}])]), "path": "/resources/0/props/rules/0/verbs"},
}

allowed_cases := {
	"read": fx.doc([fx.role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}])]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-019", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
