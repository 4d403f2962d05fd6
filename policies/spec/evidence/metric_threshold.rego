# METADATA
# title: Evidence meets every metric gate
# description: >-
#   Each metric the spec gates on is evidenced and meets its threshold in the right direction: a
#   floor for BLEU, ROUGE, groundedness and the like, a ceiling for perplexity and toxicity (the
#   metrics with a ceiling in params.metric_ceilings).
# scope: package
# custom:
#   id: LLM-EVID-003
#   severity: high
#   remediation: >-
#     Improve the model, prompt or retrieval until the metric meets its threshold, or add the
#     missing metric to the evidence; do not lower the threshold below the floor in
#     policies/data.yaml.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.3", "MEASURE 2.5"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Confabulation", "Information Integrity"]
package llmops.spec.evidence.metric_threshold

import data.llmops.lib.evidence

deny contains {"id": "LLM-EVID-003", "msg": problem.msg, "path": problem.path} if {
	some problem in evidence.problems
	problem.check == "metric"
	problem.gate == "block"
}
