# METADATA
# title: Evidence is bound to the deployed model digest, dataset version, prompt template and seed
# description: >-
#   Scores for other weights, another dataset version, another prompt template or another seed say
#   nothing about what is deployed (reproducibility: NIST AI RMF MEASURE 2.1, 2.3).
# scope: package
# custom:
#   id: LLM-EVID-002
#   severity: high
#   remediation: >-
#     Re-run the evaluation on the weights, dataset version, prompt template version and seed the
#     spec declares, or correct the spec if it names the wrong ones.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.1", "MEASURE 2.3"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Value Chain and Component Integration", "Confabulation"]
package llmops.spec.evidence.evidence_binding

import data.llmops.lib.evidence

deny contains {"id": "LLM-EVID-002", "msg": problem.msg, "path": problem.path} if {
	some problem in evidence.problems
	problem.check == "binding"
	problem.gate == "block"
}
