# METADATA
# title: Images are pinned by digest
# description: >-
#   A tag can be moved to different content; only a digest guarantees the evaluated image is
#   the one that runs.
# scope: package
# custom:
#   id: LLM-K8S-009
#   severity: high
#   remediation: >-
#     Reference every image as repository@sha256:<digest>.
#   frameworks:
#     nsa-cisa-k8s: ["Pod security: Building secure container images"]
#     owasp-llm-2025: ["LLM03:2025"]
#     cis-kubernetes: ["5.5.1"]
#     cis-eks: ["4.5.1"]
package llmops.runtime.kubernetes.image_digest

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-009", "msg": msg, "path": concat("", [pointer, "/image"]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	urn := input.resources[i].urn
	not regex.match(`@sha256:[a-f0-9]{64}$`, container.image)
	msg := concat("", ["container ", lib.text(container.name), " uses image ", lib.text(container.image), ", which is not pinned by digest"])
}
