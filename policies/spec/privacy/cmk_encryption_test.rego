package llmops.spec.privacy.cmk_encryption_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.privacy.cmk_encryption as check

denied_cases := {
	"provider managed": {"input": fx.spec({"privacy": {"encryption": {"atRest": "providerManagedKey"}}}), "path": "/spec/privacy/encryption/atRest"},
	"no encryption": {"input": fx.spec({"privacy": {"encryption": {"atRest": "none"}}}), "path": "/spec/privacy/encryption/atRest"},
}

allowed_cases := {
	"customer managed": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-PRIV-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
