# METADATA
# title: Images come from approved registries
# description: >-
#   Only images from approved repositories run next to the models and their data. Approved are
#   the organisation's mirrors (policies/data.yaml approved_image_registries) and, by default,
#   the first-party repositories of the serving and platform projects
#   (publisher_image_registries): a public chart that runs vendor images is not flagged on a
#   first run, an image from any other Docker Hub account or registry is. Set
#   publisher_image_registries to [] to require mirrors only. Short names are judged as the
#   runtime resolves them (vllm/vllm-openai is docker.io/vllm/vllm-openai).
# scope: package
# custom:
#   id: LLM-K8S-027
#   severity: high
#   remediation: >-
#     Mirror the image into an approved repository (policies/data.yaml
#     approved_image_registries), or use the publisher's own repository.
#   frameworks:
#     owasp-llm-2025: ["LLM03:2025"]
#     nsa-cisa-k8s: ["Pod security: Building secure container images"]
#     cis-eks: ["5.1.4"]
package llmops.runtime.kubernetes.approved_registries

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-027", "msg": msg, "path": concat("", [lib.text(pointer), "/image"]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	not approved(canonical(container.image))
	urn := input.resources[i].urn
	msg := concat("", ["container ", lib.text(container.name), " uses ", lib.text(container.image), " from an unapproved registry"])
}

approved(image) if {
	some prefix in array.concat(lib.params.approved_image_registries, lib.params.publisher_image_registries)
	startswith(image, prefix)
}

# The reference as the container runtime resolves it: a first segment without a dot, a colon
# or "localhost" is a Docker Hub path, and a single segment is an official library image.
canonical(image) := concat("/", ["docker.io", image]) if {
	contains(image, "/")
	not registry_host(split(image, "/")[0])
}

canonical(image) := concat("/", ["docker.io/library", image]) if not contains(image, "/")

canonical(image) := concat("/", ["docker.io", substring(image, count("index.docker.io/"), -1)]) if startswith(image, "index.docker.io/")

canonical(image) := image if {
	contains(image, "/")
	registry_host(split(image, "/")[0])
	not startswith(image, "index.docker.io/")
}

registry_host(segment) if contains(segment, ".")

registry_host(segment) if contains(segment, ":")

registry_host("localhost")
