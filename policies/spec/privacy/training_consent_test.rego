package llmops.spec.privacy.training_consent_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.privacy.training_consent as check

denied_cases := {
	"allowed without consent": {"input": fx.spec({"privacy": {"trainingOnUserData": {"allowed": true}}}), "path": "/spec/privacy/trainingOnUserData"},
}

allowed_cases := {
	"not allowed": fx.base,
	"allowed with consent": fx.spec({"privacy": {"trainingOnUserData": {"allowed": true, "consentRecord": "consent-db://opt-ins"}}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-PRIV-007", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
