# METADATA
# title: Production evaluation gates block the deploy
# description: >-
#   A gate in warn mode lets a regressed model reach users; production gates must block.
# scope: package
# custom:
#   id: LLM-EVAL-004
#   severity: high
#   remediation: >-
#     Set evaluation.gate to block for models deployed to production.
#   frameworks:
#     nist-ai-rmf: ["MANAGE 1.1", "MEASURE 2.3"]
#     eu-ai-act: ["Art. 9", "Art. 17"]
#     iso-42001: ["A.6.2.4"]
package llmops.spec.evaluation.blocking_gate

import data.llmops.lib.spec

deny contains {"id": "LLM-EVAL-004", "msg": msg, "path": sprintf("/spec/models/%d/evaluation/gate", [i])} if {
	spec.production
	some i, model in input.spec.models
	spec.gated_model(model)
	model.evaluation.gate == "warn"
	msg := sprintf("evaluation gate of model %s only warns in production", [model.name])
}
