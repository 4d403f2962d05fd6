# METADATA
# title: Regulated domains are not classified as minimal risk
# description: >-
#   A system in a regulated domain (health, insurance, finance, employment) that affects
#   people cannot be minimal risk; the tier drives the other controls.
# scope: package
# custom:
#   id: LLM-GOV-004
#   severity: high
#   remediation: >-
#     Reassess spec.useCase.riskTier (limited or high) for the regulated domain.
#   frameworks:
#     nist-ai-rmf: ["MAP 1.5", "MAP 5.1"]
#     eu-ai-act: ["Art. 6", "Annex III"]
#     iso-42001: ["A.5.2"]
package llmops.spec.governance.risk_tier_consistency

import data.llmops.lib.spec

deny contains {"id": "LLM-GOV-004", "msg": msg, "path": "/spec/useCase/riskTier"} if {
	spec.regulated_domain
	input.spec.useCase.riskTier == "minimal"
	msg := sprintf("a use case in the %s domain is classified as minimal risk", [input.spec.useCase.regulatedDomain])
}
