package llmops.spec.privacy.cmk_encryption_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.privacy.cmk_encryption as check

denied_cases := {
	"provider managed": {"input": fx.spec({"privacy": {"encryption": {"atRest": "providerManagedKey"}}}), "path": "/spec/privacy/encryption/atRest"},
	"no encryption": {"input": fx.spec({"privacy": {"encryption": {"atRest": "none"}}}), "path": "/spec/privacy/encryption/atRest"},
}

allowed_cases := {
	"customer managed": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-PRIV-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
