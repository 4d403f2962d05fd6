package llmops.spec.privacy.key_rotation_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.privacy.key_rotation as check

denied_cases := {
	"rotation off": {"input": fx.spec({"privacy": {"encryption": {"keyRotation": false}}}), "path": "/spec/privacy/encryption/keyRotation"},
}

allowed_cases := {
	"rotation on": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-PRIV-008", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
