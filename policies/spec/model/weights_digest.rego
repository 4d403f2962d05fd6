# METADATA
# title: Model weights are pinned by digest
# description: >-
#   A tag or path can be overwritten; a sha256 digest makes the deployed weights exactly the
#   evaluated weights.
# scope: package
# custom:
#   id: LLM-MODEL-001
#   severity: high
#   remediation: >-
#     Add source.digest (sha256:...) for every model whose weights the stack loads.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Value Chain and Component Integration", "Information Security"]
#     eu-ai-act: ["Art. 15"]
#     owasp-llm-2025: ["LLM03:2025", "LLM04:2025"]
package llmops.spec.model.weights_digest

import data.llmops.lib.spec

deny contains {"id": "LLM-MODEL-001", "msg": msg, "path": sprintf("/spec/models/%d/source", [i])} if {
	some i, model in input.spec.models
	spec.weights_source(model)
	not model.source.digest
	msg := sprintf("model %s is not pinned by digest", [model.name])
}
