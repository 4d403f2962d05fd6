package llmops.spec.access.no_wildcards_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.access.no_wildcards as check

denied_cases := {
	"star": {"input": fx.spec({"access": {"roles": [{"name": "ops", "permissions": ["*"]}]}}), "path": "/spec/access/roles/0/permissions/0"},
	"family star": {"input": fx.spec({"access": {"roles": [{"name": "ops", "permissions": ["inference:invoke", "model:*"]}]}}), "path": "/spec/access/roles/0/permissions/1"},
}

allowed_cases := {
	"specific": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-ACC-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
