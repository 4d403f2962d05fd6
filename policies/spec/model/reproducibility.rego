# METADATA
# title: Seed and decoding parameters are recorded
# description: >-
#   Reproducing an answer needs the seed and the decoding parameters (temperature, top-p, max
#   tokens) used in production.
# scope: package
# custom:
#   id: LLM-REPRO-001
#   severity: medium
#   remediation: >-
#     Add reproducibility.seed and reproducibility.decoding to every primary and fallback model.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.5", "MEASURE 2.9"]
#     eu-ai-act: ["Art. 12", "Art. 15"]
#     iso-42001: ["A.6.2.3"]
package llmops.spec.model.reproducibility

import data.llmops.lib.spec

deny contains {"id": "LLM-REPRO-001", "msg": msg, "path": sprintf("/spec/models/%d", [i])} if {
	some i, model in input.spec.models
	spec.gated_model(model)
	not model.reproducibility
	msg := sprintf("model %s records no seed or decoding parameters", [model.name])
}
