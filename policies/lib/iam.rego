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

# StringEquals, StringLike, ArnEquals, ArnLike, alone or as ForAnyValue: (at least one value of
# the key must match). Excluded: the IfExists forms, and ForAllValues:, which both pass when the
# request carries no such key (IAM User Guide, "Condition operators" and "Set operators for
# multivalued context keys": ForAllValues returns true for a missing or empty key).
positive_operator(operator) if {
	regex.match(`^(ForAnyValue:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$`, operator)
}

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

# Actions that let a principal assume a role in some form. Action names are case-insensitive
# and take * and ? wildcards in IAM, so "STS:assumerole", "sts:Assume*" and "sts:*" all count,
# and so does an Allow with NotAction that leaves any of them out.
assume_actions := {"sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity"}

assume_action(statement) if {
	some action in lib.as_array(object.get(statement, "Action", []))
	is_string(action)
	some target in assume_actions
	glob.match(lower(action), [], target)
}

assume_action(statement) if {
	statement.NotAction
	not_actions := [lower(action) | some action in lib.as_array(statement.NotAction); is_string(action)]
	some target in assume_actions
	every pattern in not_actions { not glob.match(pattern, [], target) }
}
