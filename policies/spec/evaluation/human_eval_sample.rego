# METADATA
# title: High-risk use is gated on human evaluation with enough samples
# description: >-
#   Automatic metrics miss harms people notice; high-risk systems need human evaluation on a
#   minimum sample size.
# scope: package
# custom:
#   id: LLM-EVAL-003
#   severity: high
#   remediation: >-
#     Add a humanEval metric with sampleSize of at least the minimum in policies/data.yaml to
#     each gated model.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.3", "MEASURE 1.3"]
#     eu-ai-act: ["Art. 9", "Art. 15"]
#     nist-ai-600-1: ["Human-AI Configuration"]
#     iso-42001: ["A.6.2.4"]
package llmops.spec.evaluation.human_eval_sample

import data.llmops.lib.spec

deny contains {"id": "LLM-EVAL-003", "msg": msg, "path": sprintf("/spec/models/%d/evaluation/metrics", [i])} if {
	spec.high_risk
	some i, model in input.spec.models
	spec.gated_model(model)
	not human_eval(model)
	msg := sprintf("high-risk model %s has no humanEval gate", [model.name])
}

deny contains {"id": "LLM-EVAL-003", "msg": msg, "path": sprintf("/spec/models/%d/evaluation/metrics/%d/sampleSize", [i, j])} if {
	spec.high_risk
	some i, model in input.spec.models
	some j, metric in model.evaluation.metrics
	metric.name == "humanEval"
	object.get(metric, "sampleSize", 0) < spec.params.human_eval_min_samples_high_risk
	msg := sprintf("humanEval for model %s scores %d items; at least %d are required for high-risk use", [model.name, object.get(metric, "sampleSize", 0), spec.params.human_eval_min_samples_high_risk])
}

human_eval(model) if {
	some metric in model.evaluation.metrics
	metric.name == "humanEval"
}
