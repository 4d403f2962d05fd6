# METADATA
# title: Node volumes are encrypted
# description: >-
#   Model weights and caches land on node volumes; they must be encrypted, with a customer-
#   managed key.
# scope: package
# custom:
#   id: LLM-AWS-007
#   severity: high
#   remediation: >-
#     Set blockDeviceMappings[].ebs.encrypted: true with a kmsKeyId.
#   frameworks:
#     aws-fsbp: ["EC2.3"]
package llmops.runtime.aws.ebs_encrypted

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-007", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/blockDeviceMappings"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:ec2/launchTemplate:LaunchTemplate"
	some device in object.get(resource.props, "blockDeviceMappings", [])
	not object.get(device, ["ebs", "encrypted"], false) in {true, "true"}
	msg := concat("", ["launch template ", lib.text(resource.name), " has unencrypted volumes"])
}
