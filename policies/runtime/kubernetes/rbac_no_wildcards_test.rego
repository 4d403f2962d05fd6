package llmops.runtime.kubernetes.rbac_no_wildcards_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.rbac_no_wildcards as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"star verbs": {"input": fx.doc([fx.role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["*"]}])]), "path": "/resources/0/props/rules/0"},
}

allowed_cases := {
	"exact": fx.doc([fx.role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"]}])]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-018", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
