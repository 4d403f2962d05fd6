# METADATA
# title: Annex III uses are declared high risk
# description: >-
#   AI systems used for education, employment, creditworthiness or access to essential
#   public services are high-risk under EU AI Act Art. 6(2) and Annex III (points 3, 4,
#   5(a), 5(b), 5(d)); declaring them minimal or limited switches off the controls a high
#   tier turns on (human evaluation sample sizes, audit retention, explanations).
# scope: package
# custom:
#   id: LLM-GOV-010
#   severity: high
#   remediation: >-
#     Set spec.useCase.riskTier to high, or record the Art. 6(3) assessment that the system
#     does not materially influence the decision as a waiver with its approver.
#   frameworks:
#     eu-ai-act: ["Art. 6", "Annex III"]
#     nist-ai-rmf: ["MAP 1.5", "MAP 5.1"]
package llmops.spec.governance.annex_iii_high_risk

import data.llmops.lib.spec

deny contains {"id": "LLM-GOV-010", "msg": msg, "path": "/spec/useCase/riskTier"} if {
	input.spec.useCase.regulatedDomain in spec.params.annex_iii_domains
	input.spec.useCase.riskTier in {"minimal", "limited"}
	msg := sprintf("a %s use is an EU AI Act Annex III use but is declared %s risk", [input.spec.useCase.regulatedDomain, input.spec.useCase.riskTier])
}
