# METADATA
# title: The API provider's data retention is contractually agreed
# description: >-
#   Prompts sent to a hosted API may be stored by the provider; a data-retention agreement
#   must be in place and referenced.
# scope: package
# custom:
#   id: LLM-BBX-001
#   severity: high
#   remediation: >-
#     Add spec.blackBoxApi.dataRetentionAgreement with the contract reference.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 6.1"]
#     nist-ai-600-1: ["Data Privacy", "Value Chain and Component Integration"]
#     owasp-llm-2025: ["LLM02:2025"]
#     iso-42001: ["A.10.3"]
package llmops.spec.blackbox.retention_agreement

deny contains {"id": "LLM-BBX-001", "msg": "no data-retention agreement with the API provider is recorded", "path": "/spec/blackBoxApi"} if {
	input.spec.pattern == "blackBoxApi"
	not input.spec.blackBoxApi.dataRetentionAgreement
}
