# METADATA
# title: CloudTrail is multi-region, validates log files and encrypts them
# description: >-
#   A multi-region trail records API calls in every region (an attacker's too); log-file
#   validation proves the audit trail was not altered; KMS keeps it confidential.
# scope: package
# custom:
#   id: LLM-AWS-026
#   severity: high
#   remediation: >-
#     Set isMultiRegionTrail: true, enableLogFileValidation: true and kmsKeyId on the trail.
#   frameworks:
#     aws-fsbp: ["CloudTrail.1", "CloudTrail.2", "CloudTrail.4"]
#     iso-42001: ["A.6.2.8"]
package llmops.runtime.aws.cloudtrail_integrity

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-026", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/enableLogFileValidation"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:cloudtrail/trail:Trail"
	not integrity(resource.props)
	msg := concat("", ["trail ", lib.text(resource.name), " is not multi-region, or does not validate or KMS-encrypt its logs"])
}

integrity(props) if {
	props.enableLogFileValidation == true
	lib.key_named(object.get(props, "kmsKeyId", null))
	props.isMultiRegionTrail == true
}
