# METADATA
# title: Long-running containers have readiness and liveness probes
# description: >-
#   Without probes a model server that is still loading weights, or has hung, keeps receiving
#   traffic.
# scope: package
# custom:
#   id: LLM-K8S-022
#   severity: low
#   remediation: >-
#     Add readinessProbe and livenessProbe to every container of Deployments and StatefulSets.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.6"]
#     iso-42001: ["A.6.2.6"]
package llmops.runtime.kubernetes.probes

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-022", "msg": msg, "path": pointer, "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	urn := input.resources[i].urn
	input.resources[i].type in {"kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet"}
	contains(pointer, "/containers/")
	some probe in ["readinessProbe", "livenessProbe"]
	not container[probe]
	msg := sprintf("container %s has no %s", [container.name, probe])
}
