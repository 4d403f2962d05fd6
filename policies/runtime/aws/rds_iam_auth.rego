# METADATA
# title: Databases use IAM authentication
# description: >-
#   IAM database authentication lets the retrieval role connect with short-lived tokens
#   instead of a shared password.
# scope: package
# custom:
#   id: LLM-AWS-015
#   severity: medium
#   remediation: >-
#     Set iamDatabaseAuthenticationEnabled: true.
#   frameworks:
#     aws-fsbp: ["RDS.10", "RDS.12"]
package llmops.runtime.aws.rds_iam_auth

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-015", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/iamDatabaseAuthenticationEnabled"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"aws:rds/cluster:Cluster", "aws:rds/instance:Instance"}
	object.get(resource.props, "iamDatabaseAuthenticationEnabled", false) != true
	msg := concat("", ["database ", lib.text(resource.name), " does not use IAM authentication"])
}
