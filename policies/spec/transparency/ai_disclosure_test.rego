package llmops.spec.transparency.ai_disclosure_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.transparency.ai_disclosure as check

denied_cases := {
	"off": {"input": fx.spec({"governance": {"disclosure": {"aiDisclosure": false}}}), "path": "/spec/governance/disclosure/aiDisclosure"},
	"internal chatbot without disclosure": {"input": fx.internal_audience({"governance": {"disclosure": {"aiDisclosure": false}}}), "path": "/spec/governance/disclosure/aiDisclosure"},
}

allowed_cases := {
	"on": fx.base,
	"internal audience with disclosure": fx.internal_audience({"governance": {"disclosure": {"aiDisclosure": true}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-TRANS-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
