package llmops.spec.blackbox.private_access_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.blackbox.private_access as check

denied_cases := {
	"public": {"input": fx.blackbox({"access": "public"}), "path": "/spec/blackBoxApi/access"},
}

allowed_cases := {
	"private endpoint": fx.blackbox({}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-BBX-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
