# METADATA
# title: Production models have evaluation metric gates
# description: >-
#   Every primary or fallback model in production is scored against thresholds before deploy
#   (perplexity, BLEU, ROUGE, groundedness, human evaluation ...).
# scope: package
# custom:
#   id: LLM-EVAL-001
#   severity: high
#   remediation: >-
#     Add at least one metric with a threshold to the model's evaluation.metrics.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.3", "MEASURE 2.5"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Confabulation"]
#     owasp-llm-2025: ["LLM09:2025"]
#     iso-42001: ["A.6.2.4"]
package llmops.spec.evaluation.metric_gates

import data.llmops.lib.spec

deny contains {"id": "LLM-EVAL-001", "msg": msg, "path": sprintf("/spec/models/%d/evaluation/metrics", [i])} if {
	spec.production
	some i, model in input.spec.models
	spec.gated_model(model)
	count(model.evaluation.metrics) == 0
	msg := sprintf("model %s has no evaluation metric gates", [model.name])
}
