# METADATA
# title: Sources with personal data are PII-scanned
# description: >-
#   A source that holds personal data must run a PII scan so that new personal fields are
#   found before they are embedded or trained on.
# scope: package
# custom:
#   id: LLM-DATA-005
#   severity: high
#   remediation: >-
#     Add piiScan to qualityChecks of every source with containsPersonalData: true.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.spec.data.pii_scan

deny contains {"id": "LLM-DATA-005", "msg": msg, "path": sprintf("/spec/data/sources/%d/qualityChecks", [i])} if {
	some i, source in input.spec.data.sources
	source.containsPersonalData == true
	not "piiScan" in source.qualityChecks
	msg := sprintf("data source %s holds personal data but is not PII-scanned", [source.name])
}
