package llmops.spec.privacy.pii_redaction_logs_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.privacy.pii_redaction_logs as check

denied_cases := {
	"logs off with personal data": {"input": fx.spec({"privacy": {"piiRedaction": {"logs": false}}, "data": {"sources": [object.union(fx.base.spec.data.sources[0], {"containsPersonalData": true})]}}), "path": "/spec/privacy/piiRedaction/logs"},
}

allowed_cases := {
	"on": fx.base,
	"off without sensitive data": fx.spec({"privacy": {"piiRedaction": {"logs": false}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-PRIV-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
