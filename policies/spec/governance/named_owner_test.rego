package llmops.spec.governance.named_owner_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.governance.named_owner as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["metadata/owner/name"]), "path": "/metadata/owner"},
}

allowed_cases := {
	"named": fx.base,
	"unnamed owner outside production": object.union(fx.staging({}), {"metadata": {"owner": {"team": "t", "email": "t@example.com"}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GOV-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
