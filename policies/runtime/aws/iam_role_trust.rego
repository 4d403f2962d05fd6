# METADATA
# title: Roles trust no public or foreign principal without a condition
# description: >-
#   A trust policy that lets Principal * assume the role, in any sts:AssumeRole* form, without a
#   condition naming the caller's account or organisation hands the role to anyone; a foreign
#   account trusted without sts:ExternalId or an organisation condition invites the
#   confused-deputy problem. Home accounts are data.yaml's trusted_aws_account_ids and the
#   accounts that own the input's KMS keys and OIDC providers.
# scope: package
# custom:
#   id: LLM-AWS-032
#   severity: critical
#   remediation: >-
#     Name the principals that may assume the role; for another account, add an sts:ExternalId or
#     aws:PrincipalOrgID condition; list this organisation's accounts in data.yaml's
#     trusted_aws_account_ids.
#   frameworks:
#     aws-fsbp: ["IAM.1"]
#     owasp-llm-2025: ["LLM06:2025"]
#     nist-ai-600-1: ["Information Security"]
package llmops.runtime.aws.iam_role_trust

import data.llmops.lib.iam
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-032", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/assumeRolePolicy"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:iam/role:Role"
	some statement in iam.statements(resource.props.assumeRolePolicy)
	iam.allows(statement)
	iam.assume_action(statement)
	not iam.restricting_condition(statement)
	some reason in reasons(statement.Principal)
	msg := concat("", ["role ", lib.text(resource.name), " can be assumed by ", lib.text(reason), " without a restricting condition"])
}

reasons(principal) := {"any principal"} if iam.wildcard_principal(principal)

reasons(principal) := {concat("", ["account ", lib.text(account)]) |
	some account in iam.principal_accounts(principal)
	not account in home_accounts
} if not iam.wildcard_principal(principal)

# The organisation's accounts (data.yaml's trusted_aws_account_ids) and the accounts this input's
# own infrastructure lives in: the owners of the KMS keys its resources encrypt with and of the
# OIDC providers its roles federate. An account that appears only as a trusted principal is
# foreign.
home_accounts := ({account | some account in data.llmops.params.trusted_aws_account_ids} | {parts[4] |
	some resource in input.resources
	some field in ["kmsKeyId", "kmsKeyArn", "kmsMasterKeyId", "keyArn"]
	arn := resource.props[field]
	is_string(arn)
	parts := split(arn, ":")
	count(parts) >= 6
	parts[2] == "kms"
}) | {split(provider, ":")[4] |
	some resource in input.resources
	resource.type == "aws:iam/role:Role"
	some statement in iam.statements(resource.props.assumeRolePolicy)
	some provider in lib.as_array(object.get(statement, ["Principal", "Federated"], []))
	is_string(provider)
	contains(provider, ":oidc-provider/")
}
