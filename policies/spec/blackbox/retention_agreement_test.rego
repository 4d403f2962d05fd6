package llmops.spec.blackbox.retention_agreement_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.blackbox.retention_agreement as check

denied_cases := {
	"missing": {"input": json.remove(fx.blackbox({}), ["spec/blackBoxApi/dataRetentionAgreement"]), "path": "/spec/blackBoxApi"},
}

allowed_cases := {
	"agreed": fx.blackbox({}),
	"another pattern, no agreement": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-BBX-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
