package llmops.spec.privacy.tls_in_transit_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.privacy.tls_in_transit as check

denied_cases := {
	"tls off": {"input": fx.spec({"privacy": {"encryption": {"inTransit": {"tls": false}}}}), "path": "/spec/privacy/encryption/inTransit/tls"},
}

allowed_cases := {
	"tls on": fx.base,
	"tls 1.3": fx.spec({"privacy": {"encryption": {"inTransit": {"minVersion": "1.3"}}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-PRIV-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
