# METADATA
# title: Log groups are KMS-encrypted and expire
# description: >-
#   Logs hold prompts and identifiers; they are encrypted with a customer-managed key and kept
#   only as long as needed.
# scope: package
# custom:
#   id: LLM-AWS-025
#   severity: medium
#   remediation: >-
#     Set kmsKeyId and retentionInDays on every log group.
#   frameworks:
#     aws-fsbp: ["CloudWatch.16"]
#     nist-ai-600-1: ["Data Privacy"]
package llmops.runtime.aws.log_group_encrypted

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-025", "msg": msg, "path": sprintf("%s/kmsKeyId", [lib.resource_pointer(i)]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:cloudwatch/logGroup:LogGroup"
	some field in ["kmsKeyId", "retentionInDays"]
	not resource.props[field]
	msg := sprintf("log group %s has no KMS key or no retention", [resource.name])
}
