package llmops.spec.data.special_category_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.data.special_category as check

health_source := {
	"specialCategoryData": ["health"], "containsPersonalData": true, "classification": "restricted",
	"qualityChecks": ["schema", "piiScan"],
}

denied_cases := {
	"health data not marked personal": {"input": fx.source(object.union(health_source, {"containsPersonalData": false})), "path": "/spec/data/sources/0"},
	"health data classified confidential": {"input": fx.source(object.union(health_source, {"classification": "confidential"})), "path": "/spec/data/sources/0"},
	"health data never scanned": {"input": fx.source(object.union(health_source, {"qualityChecks": ["schema"]})), "path": "/spec/data/sources/0"},
	"biometric data with nothing declared": {"input": fx.source({"specialCategoryData": ["biometric"]}), "path": "/spec/data/sources/0"},
}

allowed_cases := {
	"health data handled as special": health_source,
	"personal data without special categories": {"containsPersonalData": true, "classification": "confidential", "specialCategoryData": []},
	"field absent": {},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-DATA-012", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, patch in allowed_cases
	testing.allowed(check.deny) with input as fx.source(patch)
}
