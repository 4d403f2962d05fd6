package llmops.spec.governance.stop_path_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.governance.stop_path as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["spec/governance/stopPath"]), "path": "/spec/governance"},
	"no kill switch": {"input": fx.spec({"governance": {"stopPath": {"killSwitch": false}}}), "path": "/spec/governance/stopPath/killSwitch"},
}

allowed_cases := {
	"documented": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GOV-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
