# METADATA
# title: Red-team attack success stays under each category's ceiling
# description: >-
#   Adversarial testing results bound to the model show attack success rates at or below the
#   ceiling for each attack category (params.red_team_max_success_rate).
# scope: package
# custom:
#   id: LLM-EVID-007
#   severity: high
#   remediation: >-
#     Harden the guardrails or the model against the category, re-run the red-team suite and pass
#     the new results.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7", "MEASURE 2.6"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Information Security", "Dangerous, Violent, or Hateful Content"]
package llmops.spec.evidence.red_team

import data.llmops.lib.evidence

deny contains {"id": "LLM-EVID-007", "msg": problem.msg, "path": problem.path} if {
	some problem in evidence.problems
	problem.check == "red_team"
	problem.gate == "block"
}
