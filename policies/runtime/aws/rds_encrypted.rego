# METADATA
# title: Databases encrypt storage
# description: >-
#   Embeddings and documents in the vector store are data at rest and must be encrypted.
# scope: package
# custom:
#   id: LLM-AWS-014
#   severity: high
#   remediation: >-
#     Set storageEncrypted: true with a kmsKeyId.
#   frameworks:
#     aws-fsbp: ["RDS.3", "RDS.27"]
package llmops.runtime.aws.rds_encrypted

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-014", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/storageEncrypted"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"aws:rds/cluster:Cluster", "aws:rds/instance:Instance"}
	object.get(resource.props, "storageEncrypted", false) != true
	msg := concat("", ["database ", lib.text(resource.name), " does not encrypt its storage"])
}
