# METADATA
# title: Personal data in a fine-tuning dataset has a lawful basis or is redacted
# description: >-
#   A model fine-tuned on personal data can memorise and repeat it (NIST AI 600-1 Data Privacy;
#   OWASP LLM02). A fine-tuning dataset that holds personal data must be redacted by the dataset
#   gate before it enters the dataset store, or rest on a recorded lawful basis (GDPR Art. 6).
#   Special-category data (GDPR Art. 9: health, ethnicity, religion, trade-union membership, sex
#   life, biometrics, genetics) needs explicit consent unless it is anonymised: pseudonymised
#   data is still personal data (GDPR Recital 26). A source the dataset draws from that holds
#   personal data makes the dataset hold it too.
# scope: package
# custom:
#   id: LLM-FT-004
#   severity: high
#   remediation: >-
#     Set redaction (pseudonymised or anonymised) on the dataset, so the dataset gate redacts it
#     before it enters the dataset store, or record consentBasis and consentRecord. For
#     special-category data use anonymised, or consentBasis explicitConsent. Declare
#     personalData: true when a source it draws from holds personal data.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.10", "MAP 4.1"]
#     nist-ai-600-1: ["Data Privacy"]
#     owasp-llm-2025: ["LLM02:2025"]
#     eu-ai-act: ["Art. 10"]
#     iso-42001: ["A.7.3", "A.7.6"]
package llmops.spec.finetuning.personal_data_basis

deny contains {"id": "LLM-FT-004", "msg": msg, "path": concat("", ["/spec/fineTuning/datasets/", format_int(i, 10)])} if {
	some i, dataset in input.spec.fineTuning.datasets
	holds_personal_data(dataset)
	dataset.redaction == "none"
	not dataset.consentBasis
	msg := concat("", ["fine-tuning dataset ", dataset.name, " (", dataset.classification, ") holds personal data with no redaction and no lawful basis: it would be trained on as it is"])
}

deny contains {"id": "LLM-FT-004", "msg": msg, "path": concat("", ["/spec/fineTuning/datasets/", format_int(i, 10)])} if {
	some i, dataset in input.spec.fineTuning.datasets
	dataset.specialCategoryData == true
	dataset.redaction != "anonymised"
	object.get(dataset, "consentBasis", "") != "explicitConsent"
	msg := concat("", ["fine-tuning dataset ", dataset.name, " holds special-category data that is not anonymised and has no explicit consent (GDPR Art. 9)"])
}

deny contains {"id": "LLM-FT-004", "msg": msg, "path": concat("", ["/spec/fineTuning/datasets/", format_int(i, 10), "/personalData"])} if {
	some i, dataset in input.spec.fineTuning.datasets
	dataset.personalData == false
	some source in input.spec.data.sources
	source.name in dataset.sources
	source.containsPersonalData == true
	msg := concat("", ["fine-tuning dataset ", dataset.name, " draws from source ", source.name, ", which holds personal data, but does not declare personalData"])
}

holds_personal_data(dataset) if dataset.personalData == true

holds_personal_data(dataset) if dataset.specialCategoryData == true
