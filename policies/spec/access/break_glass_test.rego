package llmops.spec.access.break_glass_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.access.break_glass as check

denied_cases := {
	"prod without": {"input": fx.spec({"access": {"breakGlass": {"enabled": false}}}), "path": "/spec/access/breakGlass/enabled"},
	"not audited": {"input": fx.spec({"access": {"breakGlass": {"audited": false}}}), "path": "/spec/access/breakGlass/audited"},
	"no approvers": {"input": fx.spec({"access": {"breakGlass": {"approvers": []}}}), "path": "/spec/access/breakGlass/approvers"},
}

allowed_cases := {
	"audited": fx.base,
	"dev without": object.union(fx.meta({"environment": "dev"}), {"spec": {"access": {"breakGlass": {"enabled": false}}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-ACC-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
