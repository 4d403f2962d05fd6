package llmops.spec.privacy.tls_in_transit_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.privacy.tls_in_transit as check

denied_cases := {
	"tls off": {"input": fx.spec({"privacy": {"encryption": {"inTransit": {"tls": false}}}}), "path": "/spec/privacy/encryption/inTransit/tls"},
}

allowed_cases := {
	"tls on": fx.base,
	"tls 1.3": fx.spec({"privacy": {"encryption": {"inTransit": {"minVersion": "1.3"}}}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-PRIV-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
