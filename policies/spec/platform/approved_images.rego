# METADATA
# title: Platform images come from approved repositories
# description: >-
#   The gateway, fetcher, vector database and collector handle prompts, weights and records;
#   they come only from approved repositories.
# scope: package
# custom:
#   id: LLM-PLAT-002
#   severity: high
#   remediation: >-
#     Mirror the image into an approved repository (policies/data.yaml
#     approved_image_registries) and pin it by digest.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 6.1"]
#     nist-ai-600-1: ["Value Chain and Component Integration"]
#     owasp-llm-2025: ["LLM03:2025"]
package llmops.spec.platform.approved_images

import data.llmops.lib.spec

deny contains {"id": "LLM-PLAT-002", "msg": msg, "path": sprintf("/spec/platform/images/%s/repository", [key])} if {
	some key, image in input.spec.platform.images
	not spec.has_prefix_in(image.repository, spec.params.approved_image_registries)
	msg := sprintf("platform image %s (%s) is not from an approved repository", [key, image.repository])
}
