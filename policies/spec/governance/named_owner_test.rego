package llmops.spec.governance.named_owner_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.governance.named_owner as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["metadata/owner/name"]), "path": "/metadata/owner"},
}

allowed_cases := {
	"named": fx.base,
	"unnamed owner outside production": object.union(fx.staging({}), {"metadata": {"owner": {"team": "t", "email": "t@example.com"}}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-GOV-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
