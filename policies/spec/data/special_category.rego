# METADATA
# title: Special-category data is declared personal, restricted and scanned
# description: >-
#   Health, genetic, biometric and the other GDPR Art. 9 categories are personal data whose
#   processing is prohibited unless an exception applies; a source that holds them must be
#   handled as personal data, classified at the highest level and scanned for identifiers
#   before it grounds answers.
# scope: package
# custom:
#   id: LLM-DATA-012
#   severity: high
#   remediation: >-
#     On a source with specialCategoryData set containsPersonalData: true, classification:
#     restricted and add piiScan to its qualityChecks (the ingestion workload then redacts it).
#   frameworks:
#     eu-ai-act: ["Art. 10"]
#     nist-ai-600-1: ["Data Privacy"]
#     owasp-llm-2025: ["LLM02:2025"]
#     iso-42001: ["A.7.2"]
package llmops.spec.data.special_category

deny contains {"id": "LLM-DATA-012", "msg": msg, "path": sprintf("/spec/data/sources/%d", [i])} if {
	some i, source in input.spec.data.sources
	count(object.get(source, "specialCategoryData", [])) > 0
	missing := gaps(source)
	count(missing) > 0

	# One finding per source (every gap in its message), so a source has one finding at its path.
	msg := sprintf(
		"data source %s holds special-category data (%s) but %s",
		[source.name, concat(", ", source.specialCategoryData), concat("; ", missing)],
	)
}

# The gaps of a source, in a fixed order.
gaps(source) := [gap |
	some [held, gap] in [
		[object.get(source, "containsPersonalData", false) == true, "is not marked containsPersonalData"],
		[object.get(source, "classification", "") == "restricted", "is not classified restricted"],
		["piiScan" in object.get(source, "qualityChecks", []), "has no piiScan quality check"],
	]
	held == false
]
