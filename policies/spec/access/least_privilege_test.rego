package llmops.spec.access.least_privilege_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.access.least_privilege as check

denied_cases := {
	"unknown family": {"input": fx.spec({"access": {"roles": [{"name": "ops", "permissions": ["iam:PassRole"]}]}}), "path": "/spec/access/roles/0/permissions/0"},
	"no verb": {"input": fx.spec({"access": {"roles": [{"name": "ops", "permissions": ["inference"]}]}}), "path": "/spec/access/roles/0/permissions/0"},
}

allowed_cases := {
	"catalogue": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-ACC-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
