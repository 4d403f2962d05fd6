package llmops.spec.privacy.data_residency_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.privacy.data_residency as check

denied_cases := {
	"region outside residency": {"input": fx.spec({"target": {"region": "eu-central-1", "dataResidency": {"allowedRegions": ["eu-west-1"]}}}), "path": "/spec/target/region"},
	"unapproved residency region": {"input": fx.spec({"target": {"dataResidency": {"allowedRegions": ["eu-west-1", "ap-south-1"]}}}), "path": "/spec/target/dataResidency/allowedRegions/1"},
}

allowed_cases := {
	"inside": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-PRIV-005", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
