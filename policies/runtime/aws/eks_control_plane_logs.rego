# METADATA
# title: EKS sends every control-plane log type
# description: >-
#   API, audit, authenticator, controller-manager and scheduler logs are the record of who did
#   what to the cluster.
# scope: package
# custom:
#   id: LLM-AWS-003
#   severity: medium
#   remediation: >-
#     Set enabledClusterLogTypes to [api, audit, authenticator, controllerManager, scheduler].
#   frameworks:
#     aws-fsbp: ["EKS.8"]
#     cis-eks: ["2.1.1"]
#     iso-42001: ["A.6.2.8"]
package llmops.runtime.aws.eks_control_plane_logs

import data.llmops.lib.runtime as lib

required_log_types := {"api", "audit", "authenticator", "controllerManager", "scheduler"}

deny contains {"id": "LLM-AWS-003", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/enabledClusterLogTypes"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:eks/cluster:Cluster"
	missing := required_log_types - {t | some t in object.get(resource.props, "enabledClusterLogTypes", [])}
	count(missing) > 0
	msg := concat("", ["EKS cluster ", lib.text(resource.name), " does not log ", lib.text(concat(", ", sort(missing)))])
}
