# METADATA
# title: Default security groups allow no traffic
# description: >-
#   The default security group lets every member talk to every other; it must be emptied.
# scope: package
# custom:
#   id: LLM-AWS-020
#   severity: medium
#   remediation: >-
#     Manage the default security group with no ingress and no egress rules.
#   frameworks:
#     aws-fsbp: ["EC2.2"]
package llmops.runtime.aws.default_sg_locked

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-020", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/ingress"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"
	count(array.concat(object.get(resource.props, "ingress", []), object.get(resource.props, "egress", []))) > 0
	msg := concat("", ["default security group ", lib.text(resource.name), " allows traffic"])
}
