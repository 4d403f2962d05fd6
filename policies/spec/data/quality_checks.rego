# METADATA
# title: Every data source runs quality checks
# description: >-
#   Schema, null, duplicate and freshness checks catch broken feeds before they reach the
#   model.
# scope: package
# custom:
#   id: LLM-DATA-003
#   severity: high
#   remediation: >-
#     List at least one check in qualityChecks for each data source.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.5"]
#     eu-ai-act: ["Art. 10"]
#     nist-ai-600-1: ["Information Integrity"]
#     owasp-llm-2025: ["LLM04:2025"]
#     iso-42001: ["A.7.4"]
package llmops.spec.data.quality_checks

deny contains {"id": "LLM-DATA-003", "msg": msg, "path": sprintf("/spec/data/sources/%d/qualityChecks", [i])} if {
	some i, source in input.spec.data.sources
	count(source.qualityChecks) == 0
	msg := sprintf("data source %s runs no quality checks", [source.name])
}
