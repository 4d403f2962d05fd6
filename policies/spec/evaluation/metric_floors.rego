# METADATA
# title: Metric thresholds are at least as strict as the organisation's floors
# description: >-
#   A gate is only meaningful if its threshold meets the floor (or ceiling, for perplexity and
#   toxicity) set in policies/data.yaml.
# scope: package
# custom:
#   id: LLM-EVAL-002
#   severity: high
#   remediation: >-
#     In the spec, set the metric's threshold (spec.models[].evaluation.metrics[].threshold) at
#     least as strict as the floor the message names (at most the ceiling, for perplexity and
#     toxicity). The floors belong to your security team (policies/data.yaml); ask them if one
#     does not fit your use case.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.3"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Confabulation"]
#     owasp-llm-2025: ["LLM09:2025"]
#     iso-42001: ["A.6.2.4"]
package llmops.spec.evaluation.metric_floors

import data.llmops.lib.spec

deny contains {"id": "LLM-EVAL-002", "msg": msg, "path": sprintf("/spec/models/%d/evaluation/metrics/%d/threshold", [i, j])} if {
	some i, model in input.spec.models
	some j, metric in model.evaluation.metrics
	minimum := spec.params.metric_floors[metric.name]
	metric.threshold < minimum
	msg := sprintf("%s threshold %v for model %s is below the floor %v", [metric.name, metric.threshold, model.name, minimum])
}

deny contains {"id": "LLM-EVAL-002", "msg": msg, "path": sprintf("/spec/models/%d/evaluation/metrics/%d/threshold", [i, j])} if {
	some i, model in input.spec.models
	some j, metric in model.evaluation.metrics
	ceiling := spec.params.metric_ceilings[metric.name]
	metric.threshold > ceiling
	msg := sprintf("%s threshold %v for model %s is above the ceiling %v", [metric.name, metric.threshold, model.name, ceiling])
}
