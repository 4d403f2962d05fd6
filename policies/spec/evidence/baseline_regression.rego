# METADATA
# title: The candidate does not regress against the production baseline
# description: >-
#   Compared with the evidence of the model now in production (--baseline), no gated metric gets
#   worse by more than the allowed absolute or relative change (MLflow MetricThreshold style;
#   params.evidence_max_regression, overridable by evaluation.regression).
# scope: package
# custom:
#   id: LLM-EVID-006
#   severity: high
#   remediation: >-
#     Fix the regression before shipping, or, if the change is intended, raise
#     evaluation.regression for this model with a recorded reason.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.3", "MEASURE 4.3"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Confabulation", "Information Integrity"]
package llmops.spec.evidence.baseline_regression

import data.llmops.lib.evidence

deny contains {"id": "LLM-EVID-006", "msg": problem.msg, "path": problem.path} if {
	some problem in evidence.problems
	problem.check == "regression"
	problem.gate == "block"
}
