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

deny contains {"id": "LLM-AWS-027", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/kmsMasterKeyId"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:sqs/queue:Queue"
	not lib.key_named(object.get(resource.props, "kmsMasterKeyId", null))
	msg := concat("", ["queue ", lib.text(resource.name), " is not encrypted with a KMS key"])
}
