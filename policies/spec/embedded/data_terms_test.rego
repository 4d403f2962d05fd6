package llmops.spec.embedded.data_terms_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.embedded.data_terms as check

terms := {"reference": "DPA-7", "coversUpTo": "confidential", "noTraining": true, "retention": "none", "processingRegions": ["eu-west-1"]}

source(patch) := object.union(fx.base.spec.data.sources[0], patch)

confidential_personal := source({"classification": "confidential", "containsPersonalData": true, "qualityChecks": ["piiScan"]})

# An embedded stack whose only source is `src`, with the terms patched.
stack(src, embedded_patch) := object.union(fx.embedded(embedded_patch), {"spec": {"data": {"sources": [src]}}})

with_terms(src, patch) := stack(src, {"dataProcessingTerms": object.union(terms, patch)})

denied_cases := {
	"personal data, no terms recorded": {"input": json.remove(stack(confidential_personal, {}), ["spec/embedded/dataProcessingTerms"]), "path": "/spec/embedded"},
	"vendor owns the data": {"input": object.union(with_terms(confidential_personal, {}), {"spec": {"embedded": {"dataOwnership": "vendor"}}}), "path": "/spec/embedded/dataOwnership"},
	"restricted source, terms cover confidential": {
		"input": with_terms(source({"classification": "restricted"}), {}),
		"path": "/spec/data/sources/0/classification",
	},
	"confidential data, terms allow training": {"input": with_terms(confidential_personal, {"noTraining": false}), "path": "/spec/embedded/dataProcessingTerms/noTraining"},
	"personal data, vendor-defined retention": {"input": with_terms(confidential_personal, {"retention": "vendorDefined"}), "path": "/spec/embedded/dataProcessingTerms/retention"},
	"restricted data kept for abuse monitoring": {
		"input": with_terms(source({"classification": "restricted"}), {"coversUpTo": "restricted", "retention": "abuseMonitoring"}),
		"path": "/spec/embedded/dataProcessingTerms/retention",
	},
	"processed outside the allowed regions": {"input": with_terms(confidential_personal, {"processingRegions": ["us-east-1"]}), "path": "/spec/embedded/dataProcessingTerms/processingRegions/0"},
}

allowed_cases := {
	"terms cover the data": with_terms(confidential_personal, {}),
	"restricted data, zero retention, covered": with_terms(source({"classification": "restricted"}), {"coversUpTo": "restricted"}),
	"confidential data, abuse-monitoring window": with_terms(confidential_personal, {"retention": "abuseMonitoring"}),
	"internal data, no terms needed": json.remove(stack(source({"classification": "internal", "containsPersonalData": false}), {}), ["spec/embedded/dataProcessingTerms"]),
	"another pattern": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EMB-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
