# METADATA
# title: Sensitive prompts go only to zero-retention APIs
# description: >-
#   When prompts can carry personal or confidential data, the provider must not retain them.
# scope: package
# custom:
#   id: LLM-BBX-003
#   severity: high
#   remediation: >-
#     Negotiate zero data retention and set dataRetentionAgreement.zeroRetention to true.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.spec.blackbox.zero_retention

import data.llmops.lib.spec

deny contains {"id": "LLM-BBX-003", "msg": "sensitive prompts go to an API provider that retains them", "path": "/spec/blackBoxApi/dataRetentionAgreement/zeroRetention"} if {
	input.spec.blackBoxApi.dataRetentionAgreement.zeroRetention == false
	spec.sensitive_data
}
