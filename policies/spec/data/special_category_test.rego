package llmops.spec.data.special_category_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.data.special_category as check

health_source := {
	"specialCategoryData": ["health"], "containsPersonalData": true, "classification": "restricted",
	"qualityChecks": ["schema", "piiScan"],
}

denied_cases := {
	"health data not marked personal": object.union(health_source, {"containsPersonalData": false}),
	"health data classified confidential": object.union(health_source, {"classification": "confidential"}),
	"health data never scanned": object.union(health_source, {"qualityChecks": ["schema"]}),
	"biometric data with nothing declared": {"specialCategoryData": ["biometric"]},
}

allowed_cases := {
	"health data handled as special": health_source,
	"personal data without special categories": {"containsPersonalData": true, "classification": "confidential", "specialCategoryData": []},
	"field absent": {},
}

test_denied[note] if {
	some note, patch in denied_cases
	found := check.deny with input as fx.source(patch)
	count(found) > 0
	{[f.id, f.path] | some f in found} == {["LLM-DATA-012", "/spec/data/sources/0"]}
}

test_allowed[note] if {
	some note, patch in allowed_cases
	found := check.deny with input as fx.source(patch)
	count(found) == 0
}
