# METADATA
# title: Key policies grant no wildcard principal
# description: >-
#   A key policy, inline on the key or in an aws:kms/keyPolicy resource, allowing Principal *
#   lets any AWS account use the key unless a condition pins the caller's principal, account or
#   organisation (kms:CallerAccount, aws:PrincipalOrgID, …; data.yaml's
#   principal_restricting_condition_keys). Any other condition (aws:SecureTransport) is no limit.
# scope: package
# custom:
#   id: LLM-AWS-012
#   severity: critical
#   remediation: >-
#     Name the account root and specific service principals in the key policy.
#   frameworks:
#     aws-fsbp: ["KMS.5"]
package llmops.runtime.aws.kms_no_public_principal

import data.llmops.lib.iam
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-012", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/policy"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"}
	resource.props.policy
	some statement in iam.statements(resource.props.policy)
	iam.allows(statement)
	iam.wildcard_principal(statement.Principal)
	not iam.restricting_condition(statement)
	msg := concat("", ["key policy ", lib.text(resource.name), " allows any principal"])
}
