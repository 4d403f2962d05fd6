# METADATA
# title: Images come from approved registries
# description: >-
#   Only mirrored, scanned images from approved repositories run next to the models and their
#   data.
# scope: package
# custom:
#   id: LLM-K8S-027
#   severity: medium
#   remediation: >-
#     Mirror the image into an approved repository (policies/data.yaml
#     approved_image_registries).
#   frameworks:
#     owasp-llm-2025: ["LLM03:2025"]
#     nsa-cisa-k8s: ["Supply chain: trusted registries"]
package llmops.runtime.kubernetes.approved_registries

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-027", "msg": msg, "path": concat("", [pointer, "/image"]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	urn := input.resources[i].urn
	not approved(container.image)
	msg := concat("", ["container ", lib.text(container.name), " uses ", lib.text(container.image), " from an unapproved registry"])
}

approved(image) if {
	some prefix in lib.params.approved_image_registries
	startswith(image, prefix)
}
