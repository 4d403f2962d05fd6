# METADATA
# title: Long-running containers have readiness and liveness probes
# description: >-
#   Without probes a model server that is still loading weights, or has hung, keeps receiving
#   traffic. Judged on the kinds of probe_required_kinds in data.yaml, in every API version.
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
	lib.kind_key(input.resources[i].type) in probe_required_kinds
	contains(pointer, "/containers/")
	some probe in ["readinessProbe", "livenessProbe"]
	not container[probe]
	msg := concat("", ["container ", lib.text(container.name), " has no ", lib.text(probe)])
}

probe_required_kinds := {kind | some kind in lib.params.probe_required_kinds}
