# METADATA
# title: Shared helpers over IAM and resource policy documents
# description: >-
#   Statements, principals and conditions of AWS policy documents (identity policies, trust
#   policies, key policies, bucket and OpenSearch access policies), read as IAM reads them:
#   single values or lists, "*" or {"AWS": "*"}, condition keys case-insensitively.
# scope: package
package llmops.lib.iam

import data.llmops.lib.runtime as lib

params := data.llmops.params

# Identity-policy resource types whose `policy` property is a policy document.
identity_policy_types := {"aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy"}

# The statements of a document given as a JSON string or an object.
statements(value) := lib.as_array(lib.document(value).Statement)

# Allow statements grant; Effect is case-sensitive in IAM ("Allow").
allows(statement) if statement.Effect == "Allow"

# Principal "*", {"AWS": "*"} or "*" in a list of AWS principals: anyone.
wildcard_principal("*")

wildcard_principal(principal) if "*" in lib.as_array(object.get(principal, "AWS", []))

# A condition that limits the principal to named principals, accounts, an organisation or a
# network path: a positive operator on a key in data.llmops.params.principal_restricting_condition_keys
# with no wildcard-only value.
restricting_condition(statement) if {
	some operator, conditions in object.get(statement, "Condition", {})
	positive_operator(operator)
	some key, value in conditions
	lower(key) in params.principal_restricting_condition_keys
	every v in lib.as_array(value) {
		is_string(v)
		not regex.match(`^[*?]*$`, v)
	}
}

# StringEquals, StringLike, ArnEquals, ArnLike (with ForAnyValue:/ForAllValues: or IfExists
# forms excluded: IfExists passes when the key is absent).
positive_operator(operator) if {
	regex.match(`^(ForAnyValue:|ForAllValues:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$`, operator)
}

# AWS account ids named by a principal: "123456789012", "arn:aws:iam::123456789012:root|role/…".
principal_accounts(principal) := {account |
	some value in lib.as_array(object.get(principal, "AWS", []))
	is_string(value)
	some account in accounts_in(value)
}

accounts_in(value) := {value} if regex.match(`^[0-9]{12}$`, value)

accounts_in(value) := {parts[4]} if {
	parts := split(value, ":")
	count(parts) >= 6
	parts[0] == "arn"
	regex.match(`^[0-9]{12}$`, parts[4])
}

# Actions that let a principal assume a role in some form (sts:AssumeRole,
# sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:AssumeRole*, sts:*, *).
assume_action(statement) if {
	some action in lib.as_array(object.get(statement, "Action", []))
	is_string(action)
	regex.match(`^(\*|sts:\*|sts:AssumeRole[A-Za-z]*\*?|sts:Assume\*)$`, action)
}
