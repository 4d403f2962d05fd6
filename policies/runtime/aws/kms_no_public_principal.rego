# METADATA
# title: Key policies grant no wildcard principal
# description: >-
#   A key policy allowing Principal * without a restricting condition lets any AWS account use
#   the key.
# scope: package
# custom:
#   id: LLM-AWS-012
#   severity: critical
#   remediation: >-
#     Name the account root and specific service principals in the key policy.
#   frameworks:
#     aws-fsbp: ["KMS.5"]
package llmops.runtime.aws.kms_no_public_principal

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-012", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policy"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:kms/key:Key"
	resource.props.policy
	some statement in lib.as_array(lib.document(resource.props.policy).Statement)
	statement.Effect == "Allow"
	wildcard_principal(statement.Principal)
	not statement.Condition
	msg := concat("", ["KMS key ", lib.text(resource.name), " allows any principal"])
}

wildcard_principal("*")

wildcard_principal(principal) if principal.AWS == "*"

wildcard_principal(principal) if "*" in principal.AWS
