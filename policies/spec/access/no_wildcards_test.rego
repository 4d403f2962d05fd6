package llmops.spec.access.no_wildcards_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.access.no_wildcards as check

denied_cases := {
	"star": {"input": fx.spec({"access": {"roles": [{"name": "ops", "permissions": ["*"]}]}}), "path": "/spec/access/roles/0/permissions/0"},
	"family star": {"input": fx.spec({"access": {"roles": [{"name": "ops", "permissions": ["inference:invoke", "model:*"]}]}}), "path": "/spec/access/roles/0/permissions/1"},
}

allowed_cases := {
	"specific": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-ACC-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
