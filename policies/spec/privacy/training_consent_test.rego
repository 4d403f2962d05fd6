package llmops.spec.privacy.training_consent_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.privacy.training_consent as check

denied_cases := {
	"allowed without consent": {"input": fx.spec({"privacy": {"trainingOnUserData": {"allowed": true}}}), "path": "/spec/privacy/trainingOnUserData"},
}

allowed_cases := {
	"not allowed": fx.base,
	"allowed with consent": fx.spec({"privacy": {"trainingOnUserData": {"allowed": true, "consentRecord": "consent-db://opt-ins"}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-PRIV-007", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
