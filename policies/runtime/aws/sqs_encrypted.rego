# METADATA
# title: Queues are encrypted with KMS
# description: >-
#   The feedback review queue carries user text; it is encrypted with a customer-managed key.
# scope: package
# custom:
#   id: LLM-AWS-027
#   severity: medium
#   remediation: >-
#     Set kmsMasterKeyId on the queue.
#   frameworks:
#     aws-fsbp: ["SQS.1"]
package llmops.runtime.aws.sqs_encrypted

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-027", "msg": msg, "path": sprintf("%s/kmsMasterKeyId", [lib.resource_pointer(i)]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:sqs/queue:Queue"
	not resource.props.kmsMasterKeyId
	msg := sprintf("queue %s is not encrypted with a KMS key", [resource.name])
}
