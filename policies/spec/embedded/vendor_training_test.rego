package llmops.spec.embedded.vendor_training_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.embedded.vendor_training as check

denied_cases := {
	"trains on personal data": {"input": object.union(fx.embedded({"vendorTrainsOnData": true}), {"spec": {"data": {"sources": [object.union(fx.base.spec.data.sources[0], {"containsPersonalData": true, "qualityChecks": ["piiScan"]})]}}}), "path": "/spec/embedded/vendorTrainsOnData"},
}

allowed_cases := {
	"opted out": fx.embedded({}),
	"vendor trains, nothing sensitive": object.union(fx.embedded({"vendorTrainsOnData": true}), {"spec": {"data": fx.public_data}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EMB-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
