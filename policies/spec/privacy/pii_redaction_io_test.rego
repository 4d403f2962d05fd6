package llmops.spec.privacy.pii_redaction_io_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.privacy.pii_redaction_io as check

denied_cases := {
	"prompts off with personal data": {"input": fx.spec({"privacy": {"piiRedaction": {"prompts": false}}, "data": {"sources": [object.union(fx.base.spec.data.sources[0], {"containsPersonalData": true})]}}), "path": "/spec/privacy/piiRedaction/prompts"},
	"responses off with confidential data": {"input": fx.spec({"privacy": {"piiRedaction": {"responses": false}}, "data": {"sources": [object.union(fx.base.spec.data.sources[0], {"classification": "confidential"})]}}), "path": "/spec/privacy/piiRedaction/responses"},
}

allowed_cases := {
	"on": fx.base,
	"off but no sensitive data": fx.spec({"privacy": {"piiRedaction": {"prompts": false}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-PRIV-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
