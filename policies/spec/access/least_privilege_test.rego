package llmops.spec.access.least_privilege_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.access.least_privilege as check

denied_cases := {
	"unknown family": {"input": fx.spec({"access": {"roles": [{"name": "ops", "permissions": ["iam:PassRole"]}]}}), "path": "/spec/access/roles/0/permissions/0"},
	"no verb": {"input": fx.spec({"access": {"roles": [{"name": "ops", "permissions": ["inference"]}]}}), "path": "/spec/access/roles/0/permissions/0"},
}

allowed_cases := {
	"catalogue": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-ACC-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
