# METADATA
# title: Regulated domains give users an explanation of each decision
# description: >-
#   In health, insurance, finance and employment, people affected by an AI-assisted decision
#   are entitled to an explanation (EU AI Act Art. 86).
# scope: package
# custom:
#   id: LLM-EXPL-002
#   severity: high
#   remediation: >-
#     Set spec.explainability.userFacingExplanations to true.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.9"]
#     eu-ai-act: ["Art. 13", "Art. 86"]
#     nist-ai-600-1: ["Human-AI Configuration"]
#     iso-42001: ["A.8.2"]
package llmops.spec.explainability.regulated_explanations

import data.llmops.lib.spec

deny contains {"id": "LLM-EXPL-002", "msg": msg, "path": "/spec/explainability/userFacingExplanations"} if {
	spec.regulated_domain
	input.spec.explainability.userFacingExplanations == false
	msg := sprintf("the %s domain requires user-facing explanations", [input.spec.useCase.regulatedDomain])
}
