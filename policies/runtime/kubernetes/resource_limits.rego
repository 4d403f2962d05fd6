# METADATA
# title: Containers declare requests and a memory limit
# description: >-
#   Without requests the scheduler overcommits GPU nodes; without a memory limit one pod can
#   starve the node. Ephemeral containers are exempt: the API forbids resources on them.
# scope: package
# custom:
#   id: LLM-K8S-011
#   severity: medium
#   remediation: >-
#     Set resources.requests (cpu, memory) and resources.limits.memory on every container.
#   frameworks:
#     nsa-cisa-k8s: ["Network separation: Resource policies"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.runtime.kubernetes.resource_limits

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-011", "msg": msg, "path": concat("", [pointer, "/resources"]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	urn := input.resources[i].urn
	not contains(pointer, "/ephemeralContainers/")
	some field in [["requests", "cpu"], ["requests", "memory"], ["limits", "memory"]]
	object.get(container, array.concat(["resources"], field), null) == null
	lib.judged(i, pointer, null)
	msg := concat("", ["container ", lib.text(container.name), " has no resources.", lib.text(field[0]), ".", lib.text(field[1])])
}
