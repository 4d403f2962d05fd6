# METADATA
# title: Unacceptable-risk use is never deployed
# description: >-
#   Practices in the EU AI Act's unacceptable-risk tier (Art. 5) may not be placed on the
#   market or used.
# scope: package
# custom:
#   id: LLM-GOV-003
#   severity: high
#   remediation: >-
#     Do not deploy; reassess the use case with the AI governance board.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 1.1", "MAP 1.1"]
#     eu-ai-act: ["Art. 5"]
#     iso-42001: ["A.9.4"]
package llmops.spec.governance.prohibited_risk

deny contains {"id": "LLM-GOV-003", "msg": "the use case is classified as unacceptable risk", "path": "/spec/useCase/riskTier"} if {
	input.spec.useCase.riskTier == "unacceptable"
}
