package llmops.spec.blackbox.retention_agreement_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.blackbox.retention_agreement as check

denied_cases := {
	"missing": {"input": json.remove(fx.blackbox({}), ["spec/blackBoxApi/dataRetentionAgreement"]), "path": "/spec/blackBoxApi"},
}

allowed_cases := {
	"agreed": fx.blackbox({}),
	"another pattern, no agreement": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-BBX-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
