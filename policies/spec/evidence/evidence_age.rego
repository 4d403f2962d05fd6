# METADATA
# title: Evidence is recent
# description: >-
#   Evidence older than the maximum age (params.evidence_max_age_days, overridable by
#   evaluation.maxEvidenceAgeDays) or dated in the future does not describe the model's behaviour
#   today.
# scope: package
# custom:
#   id: LLM-EVID-005
#   severity: high
#   remediation: >-
#     Re-run the evaluation and pass the new evidence; check the producer's clock if the evidence
#     is dated in the future.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.3", "MEASURE 2.4"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Confabulation"]
package llmops.spec.evidence.evidence_age

import data.llmops.lib.evidence

deny contains {"id": "LLM-EVID-005", "msg": problem.msg, "path": problem.path} if {
	some problem in evidence.problems
	problem.check == "age"
	problem.gate == "block"
}
