package llmops.spec.blackbox.private_access_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.blackbox.private_access as check

denied_cases := {
	"public": {"input": fx.blackbox({"access": "public"}), "path": "/spec/blackBoxApi/access"},
}

allowed_cases := {
	"private endpoint": fx.blackbox({}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-BBX-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
