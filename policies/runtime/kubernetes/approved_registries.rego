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
#     nsa-cisa-k8s: ["Pod security: Building secure container images"]
#     cis-eks: ["5.1.4"]
package llmops.runtime.kubernetes.approved_registries

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-027", "msg": msg, "path": sprintf("%s/image", [pointer]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	urn := input.resources[i].urn
	not approved(container.image)
	msg := sprintf("container %s uses %s from an unapproved registry", [container.name, container.image])
}

approved(image) if {
	some prefix in lib.params.approved_image_registries
	startswith(image, prefix)
}
