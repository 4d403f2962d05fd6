# METADATA
# title: EKS node groups allow no SSH remote access
# description: >-
#   A managed node group with remoteAccess opens port 22 on every node: to the whole internet
#   when no source security group is named. Nodes are reached through SSM or not at all.
# scope: package
# custom:
#   id: LLM-AWS-034
#   severity: high
#   remediation: >-
#     Remove remoteAccess from the node group; use AWS Systems Manager Session Manager for node
#     access.
#   frameworks:
#     cis-eks: ["5.4.3"]
#     nsa-cisa-k8s: ["Network separation: Worker node segmentation"]
package llmops.runtime.aws.eks_nodegroup_no_ssh

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-034", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/remoteAccess"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:eks/nodeGroup:NodeGroup"
	access := object.get(resource.props, "remoteAccess", null)
	is_object(access)
	count(access) > 0
	msg := concat("", ["node group ", lib.text(resource.name), " allows SSH remote access", lib.text(scope(access))])
}

scope(access) := " from the internet" if count(object.get(access, "sourceSecurityGroupIds", [])) == 0

scope(access) := "" if count(object.get(access, "sourceSecurityGroupIds", [])) > 0
