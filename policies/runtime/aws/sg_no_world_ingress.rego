# METADATA
# title: Security groups admit nothing from the whole internet
# description: >-
#   Ingress from 0.0.0.0/0 or ::/0 to inference, the vector store or the cluster is an open
#   door.
# scope: package
# custom:
#   id: LLM-AWS-019
#   severity: critical
#   remediation: >-
#     Restrict ingress to security groups or named CIDRs; expose inference only through the
#     gateway.
#   frameworks:
#     aws-fsbp: ["EC2.18", "EC2.19"]
#     cis-eks: ["5.4.x"]
package llmops.runtime.aws.sg_no_world_ingress

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-019", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/ingress/", format_int(j, 10)]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:ec2/securityGroup:SecurityGroup"
	some j, rule in object.get(resource.props, "ingress", [])
	some cidr in array.concat(object.get(rule, "cidrBlocks", []), object.get(rule, "ipv6CidrBlocks", []))
	lib.world_cidr(cidr)
	msg := concat("", ["security group ", lib.text(resource.name), " admits ", lib.text(cidr)])
}

deny contains {"id": "LLM-AWS-019", "msg": msg, "path": lib.resource_pointer(i), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:ec2/securityGroupRule:SecurityGroupRule"}
	object.get(resource.props, "type", "ingress") == "ingress"
	some cidr in array.concat(lib.as_array(object.get(resource.props, "cidrIpv4", [])), object.get(resource.props, "cidrBlocks", []))
	lib.world_cidr(cidr)
	msg := concat("", ["security group rule ", lib.text(resource.name), " admits ", lib.text(cidr)])
}
