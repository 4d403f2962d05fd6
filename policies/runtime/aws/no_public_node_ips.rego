# METADATA
# title: Nodes get no public IP addresses
# description: >-
#   GPU nodes belong in private subnets; a public address makes every node reachable from the
#   internet.
# scope: package
# custom:
#   id: LLM-AWS-006
#   severity: high
#   remediation: >-
#     Set associatePublicIpAddress: false and mapPublicIpOnLaunch: false; place node groups in
#     private subnets.
#   frameworks:
#     aws-fsbp: ["EC2.9", "EC2.15"]
#     cis-eks: ["5.4.3"]
package llmops.runtime.aws.no_public_node_ips

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-006", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/networkInterfaces/", format_int(j, 10), "/associatePublicIpAddress"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:ec2/launchTemplate:LaunchTemplate"
	some j, interface in object.get(resource.props, "networkInterfaces", [])
	interface.associatePublicIpAddress in {true, "true"}
	msg := concat("", ["launch template ", lib.text(resource.name), " assigns public IPs"])
}

deny contains {"id": "LLM-AWS-006", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/associatePublicIpAddress"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:ec2/instance:Instance"
	resource.props.associatePublicIpAddress == true
	msg := concat("", ["instance ", lib.text(resource.name), " has a public IP"])
}

deny contains {"id": "LLM-AWS-006", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/mapPublicIpOnLaunch"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:ec2/subnet:Subnet"
	resource.props.mapPublicIpOnLaunch == true
	msg := concat("", ["subnet ", lib.text(resource.name), " gives public IPs to everything launched in it"])
}
