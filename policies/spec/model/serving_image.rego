# METADATA
# title: Self-hosted serving images are approved and pinned by digest
# description: >-
#   The serving container runs next to the weights and the prompts; it must come from an
#   approved repository and be pinned by digest.
# scope: package
# custom:
#   id: LLM-MODEL-003
#   severity: high
#   remediation: >-
#     Set serving.image with an approved repository and a sha256 digest.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Value Chain and Component Integration"]
#     owasp-llm-2025: ["LLM03:2025"]
package llmops.spec.model.serving_image

import data.llmops.lib.spec

deny contains {"id": "LLM-MODEL-003", "msg": msg, "path": sprintf("/spec/models/%d/serving", [i])} if {
	some i, model in input.spec.models
	spec.self_hosted(model)
	not model.serving.image
	msg := sprintf("self-hosted model %s has no pinned serving image", [model.name])
}

deny contains {"id": "LLM-MODEL-003", "msg": msg, "path": sprintf("/spec/models/%d/serving/image/repository", [i])} if {
	some i, model in input.spec.models
	spec.self_hosted(model)
	repository := model.serving.image.repository
	not spec.has_prefix_in(repository, spec.params.approved_image_registries)
	msg := sprintf("serving image %s is not from an approved repository", [repository])
}
