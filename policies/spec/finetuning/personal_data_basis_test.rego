package llmops.spec.finetuning.personal_data_basis_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.finetuning.personal_data_basis as check

dataset(patch) := object.union(fx.finetuning_section.datasets[0], patch)

with_dataset(patch) := fx.finetuning({"datasets": [dataset(patch)]})

# The issue's scenario: raw HR case notes, restricted, personal data, neither consent nor redaction.
hr_case_notes := dataset({"name": "hr-case-notes", "classification": "restricted", "personalData": true, "redaction": "none"})

denied_cases := {
	"raw HR case notes": {"input": fx.finetuning({"datasets": [hr_case_notes]}), "path": "/spec/fineTuning/datasets/0"},
	"special category, pseudonymised only": {"input": with_dataset({"specialCategoryData": true, "redaction": "pseudonymised"}), "path": "/spec/fineTuning/datasets/0"},
	"special category, ordinary consent": {"input": with_dataset({"specialCategoryData": true, "consentBasis": "consent"}), "path": "/spec/fineTuning/datasets/0"},
	"personal source, dataset says none": {
		"input": object.union(with_dataset({"sources": ["tickets"], "lineage": {"upstream": ["tickets"]}}), {"spec": {"data": {"sources": [{"name": "tickets", "kind": "api", "containsPersonalData": true}]}}}),
		"path": "/spec/fineTuning/datasets/0/personalData",
	},
}

allowed_cases := {
	"no personal data": fx.finetuning({}),
	"personal data, pseudonymised": with_dataset({"personalData": true, "redaction": "pseudonymised"}),
	"personal data, contract basis": with_dataset({"personalData": true, "consentBasis": "contract", "consentRecord": "https://dpo.example.com/ropa/17"}),
	"special category, anonymised": with_dataset({"specialCategoryData": true, "redaction": "anonymised"}),
	"special category, explicit consent": with_dataset({"specialCategoryData": true, "consentBasis": "explicitConsent"}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-FT-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
