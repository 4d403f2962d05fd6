# METADATA
# title: High-risk decisions about people are gated on a fairness metric
# description: >-
#   A high-risk system that recommends or takes decisions about people must show that its
#   outcomes do not differ unduly between groups (EU AI Act Art. 10(2)(f) and 15; NIST AI RMF
#   MEASURE 2.11). Each user-facing model then gates on a group-fairness metric
#   (demographicParityDifference or equalizedOddsDifference, Fairlearn's definitions: the largest
#   gap between the groups of a sensitive feature, lower is better) with the sensitive feature
#   it compares; the ceiling is params.metric_ceilings and the evidence gate (LLM-EVID-003)
#   holds the model to it.
# scope: package
# custom:
#   id: LLM-EVAL-006
#   severity: high
#   remediation: >-
#     Add a fairness metric to spec.models[].evaluation.metrics, e.g.
#     { name: demographicParityDifference, threshold: 0.1, sensitiveFeature: age-band }, and
#     report it in the evaluation evidence.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.11"]
#     eu-ai-act: ["Art. 10", "Art. 15"]
#     nist-ai-600-1: ["Harmful Bias and Homogenization"]
#     iso-42001: ["A.6.2.4"]
package llmops.spec.evaluation.fairness_metric

import data.llmops.lib.spec

group_gap_metrics := {"demographicParityDifference", "equalizedOddsDifference"}

deny contains {"id": "LLM-EVAL-006", "msg": msg, "path": sprintf("/spec/models/%d/evaluation/metrics", [i])} if {
	input.spec.useCase.riskTier == "high"
	input.spec.useCase.decisionRole in {"recommends", "decides"}
	some i, model in input.spec.models
	spec.gated_model(model)
	not gates_fairness(model)
	msg := sprintf("model %s %s decisions about people in a high-risk use but gates on no fairness metric (%s)", [model.name, input.spec.useCase.decisionRole, concat(", ", sort(group_gap_metrics))])
}

deny contains {"id": "LLM-EVAL-006", "msg": msg, "path": sprintf("/spec/models/%d/evaluation/metrics/%d/sensitiveFeature", [i, j])} if {
	input.spec.useCase.riskTier == "high"
	input.spec.useCase.decisionRole in {"recommends", "decides"}
	some i, model in input.spec.models
	some j, metric in model.evaluation.metrics
	metric.name in group_gap_metrics
	not metric.sensitiveFeature
	msg := sprintf("fairness metric %s of model %s names no sensitiveFeature: nobody can tell which groups it compares", [metric.name, model.name])
}

gates_fairness(model) if {
	some metric in model.evaluation.metrics
	metric.name in group_gap_metrics
}
