# METADATA
# title: Regulated decisions have a path to a person
# description: >-
#   A system that explains, recommends or takes a decision about people in a regulated domain
#   (a claim status, a benefit, a credit or hiring outcome) must tell them how to reach a person
#   who can review and change it: "explains but does not decide" holds only if someone else
#   does decide, and can be asked. EU AI Act Art. 14 (human oversight) and Art. 86, GDPR
#   Art. 22(3) (the right to obtain human intervention and contest the decision).
# scope: package
# custom:
#   id: LLM-EXPL-004
#   severity: high
#   remediation: >-
#     Add spec.explainability.humanEscalation with the channel (an https URL of the appeal or
#     review request) and responseHours, and show it beside each explanation.
#   frameworks:
#     eu-ai-act: ["Art. 14", "Art. 86"]
#     nist-ai-rmf: ["MANAGE 4.1"]
#     nist-ai-600-1: ["Human-AI Configuration"]
#     iso-42001: ["A.8.2"]
package llmops.spec.explainability.human_escalation

import data.llmops.lib.spec

deny contains {"id": "LLM-EXPL-004", "msg": msg, "path": "/spec/explainability"} if {
	spec.regulated_domain
	role := object.get(input.spec.useCase, "decisionRole", "none")
	role != "none"
	not input.spec.explainability.humanEscalation
	msg := sprintf("the system %s decisions in the %s domain but declares no human escalation or appeal path", [role, input.spec.useCase.regulatedDomain])
}
