package llmops.spec.privacy.key_rotation_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.privacy.key_rotation as check

denied_cases := {
	"rotation off": {"input": fx.spec({"privacy": {"encryption": {"keyRotation": false}}}), "path": "/spec/privacy/encryption/keyRotation"},
}

allowed_cases := {
	"rotation on": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-PRIV-008", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
