# METADATA
# title: Containers bind no host ports
# description: >-
#   A hostPort publishes the container on the node's own address, outside every Service and
#   NetworkPolicy that guards the model server; Pod Security baseline refuses it.
# scope: package
# custom:
#   id: LLM-K8S-040
#   severity: high
#   remediation: >-
#     Remove ports[].hostPort and reach the container through a ClusterIP Service.
#   frameworks:
#     k8s-pss: ["baseline: Host Ports"]
#     cis-kubernetes: ["5.2.13"]
#     nsa-cisa-k8s: ["Network separation: Network policies"]
package llmops.runtime.kubernetes.no_host_port

import data.llmops.lib.runtime as lib

# Any hostPort other than 0 (0 and an absent field both mean "none").
deny contains {"id": "LLM-K8S-040", "msg": msg, "path": concat("", [lib.text(pointer), "/ports/", format_int(k, 10), "/hostPort"]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	some k, port in object.get(container, "ports", [])
	object.get(port, "hostPort", 0) != 0
	urn := input.resources[i].urn
	msg := sprintf("container %s binds host port %v", [container.name, port.hostPort])
}
