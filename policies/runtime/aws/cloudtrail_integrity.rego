# METADATA
# title: CloudTrail validates log files and encrypts them
# description: >-
#   Log-file validation proves the audit trail was not altered; KMS keeps it confidential.
# scope: package
# custom:
#   id: LLM-AWS-026
#   severity: high
#   remediation: >-
#     Set enableLogFileValidation: true and kmsKeyId on the trail.
#   frameworks:
#     aws-fsbp: ["CloudTrail.2", "CloudTrail.4"]
#     iso-42001: ["A.6.2.8"]
package llmops.runtime.aws.cloudtrail_integrity

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-026", "msg": msg, "path": sprintf("%s/enableLogFileValidation", [lib.resource_pointer(i)]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:cloudtrail/trail:Trail"
	not integrity(resource.props)
	msg := sprintf("trail %s does not validate or encrypt its logs", [resource.name])
}

integrity(props) if {
	props.enableLogFileValidation == true
	props.kmsKeyId
}
