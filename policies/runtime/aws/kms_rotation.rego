# METADATA
# title: KMS keys rotate
# description: >-
#   Automatic rotation limits how much data one key version protects.
# scope: package
# custom:
#   id: LLM-AWS-011
#   severity: medium
#   remediation: >-
#     Set enableKeyRotation: true.
#   frameworks:
#     aws-fsbp: ["KMS.4"]
package llmops.runtime.aws.kms_rotation

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-011", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/enableKeyRotation"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:kms/key:Key"
	object.get(resource.props, "enableKeyRotation", false) != true
	msg := concat("", ["KMS key ", lib.text(resource.name), " does not rotate"])
}
