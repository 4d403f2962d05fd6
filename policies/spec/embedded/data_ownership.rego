# METADATA
# title: Data ownership with the SaaS vendor is recorded
# description: >-
#   When the LLM lives inside a vendor's platform, who owns prompts, outputs and derived data
#   must be settled and recorded.
# scope: package
# custom:
#   id: LLM-EMB-001
#   severity: high
#   remediation: >-
#     Set spec.embedded.dataOwnership.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 6.1", "MAP 4.1"]
#     nist-ai-600-1: ["Data Privacy", "Value Chain and Component Integration"]
#     iso-42001: ["A.10.3"]
package llmops.spec.embedded.data_ownership

deny contains {"id": "LLM-EMB-001", "msg": "data ownership with the SaaS vendor is not recorded", "path": "/spec/embedded"} if {
	input.spec.pattern == "embedded"
	not input.spec.embedded.dataOwnership
}
