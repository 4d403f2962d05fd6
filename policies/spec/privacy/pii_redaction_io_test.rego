package llmops.spec.privacy.pii_redaction_io_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.privacy.pii_redaction_io as check

denied_cases := {
	"prompts off with personal data": {"input": fx.spec({"privacy": {"piiRedaction": {"prompts": false}}, "data": {"sources": [object.union(fx.base.spec.data.sources[0], {"containsPersonalData": true})]}}), "path": "/spec/privacy/piiRedaction/prompts"},
	"responses off with confidential data": {"input": fx.spec({"privacy": {"piiRedaction": {"responses": false}}, "data": {"sources": [object.union(fx.base.spec.data.sources[0], {"classification": "confidential"})]}}), "path": "/spec/privacy/piiRedaction/responses"},
}

allowed_cases := {
	"on": fx.base,
	"off but no sensitive data": fx.spec({"privacy": {"piiRedaction": {"prompts": false}}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-PRIV-003", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
