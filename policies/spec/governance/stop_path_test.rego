package llmops.spec.governance.stop_path_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.governance.stop_path as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["spec/governance/stopPath"]), "path": "/spec/governance"},
	"no kill switch": {"input": fx.spec({"governance": {"stopPath": {"killSwitch": false}}}), "path": "/spec/governance/stopPath/killSwitch"},
}

allowed_cases := {
	"documented": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-GOV-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
