# METADATA
# title: The EKS API endpoint is private or CIDR-restricted
# description: >-
#   A public Kubernetes API endpoint open to the internet invites credential stuffing and
#   exploits against the control plane.
# scope: package
# custom:
#   id: LLM-AWS-001
#   severity: high
#   remediation: >-
#     Set vpcConfig.endpointPublicAccess: false, or restrict publicAccessCidrs to named CIDRs.
#   frameworks:
#     aws-fsbp: ["EKS.1"]
#     cis-eks: ["5.4.1", "5.4.2"]
package llmops.runtime.aws.eks_private_endpoint

import data.llmops.lib.cidr
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-001", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/vpcConfig"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:eks/cluster:Cluster"
	object.get(resource.props, ["vpcConfig", "endpointPublicAccess"], true) != false
	open_to_world(resource.props.vpcConfig)
	msg := concat("", ["EKS cluster ", lib.text(resource.name), " has a public endpoint open to the internet"])
}

open_to_world(config) if count(object.get(config, "publicAccessCidrs", [])) == 0

open_to_world(config) if cidr.open_to_internet(config.publicAccessCidrs)
