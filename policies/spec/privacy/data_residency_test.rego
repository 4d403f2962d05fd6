package llmops.spec.privacy.data_residency_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.privacy.data_residency as check

denied_cases := {
	"region outside residency": {"input": fx.spec({"target": {"region": "eu-central-1", "dataResidency": {"allowedRegions": ["eu-west-1"]}}}), "path": "/spec/target/region"},
	"unapproved residency region": {"input": fx.spec({"target": {"dataResidency": {"allowedRegions": ["eu-west-1", "ap-south-1"]}}}), "path": "/spec/target/dataResidency/allowedRegions/1"},
}

allowed_cases := {
	"inside": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-PRIV-005", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
