package llmops.lib.iam_test

import data.llmops.lib.iam

test_wildcard_principals if {
	iam.wildcard_principal("*")
	iam.wildcard_principal({"AWS": "*"})
	iam.wildcard_principal({"AWS": ["arn:aws:iam::123456789012:root", "*"]})
	not iam.wildcard_principal({"AWS": "arn:aws:iam::123456789012:root"})
	not iam.wildcard_principal({"Service": "ec2.amazonaws.com"})
}

test_restricting_conditions if {
	iam.restricting_condition({"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})
	iam.restricting_condition({"Condition": {"StringEquals": {"kms:CallerAccount": "123456789012"}}})
	iam.restricting_condition({"Condition": {"StringEquals": {"sts:ExternalId": "x-1"}}})
	iam.restricting_condition({"Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:logs:eu-west-1:123456789012:*"}}})
	not iam.restricting_condition({"Condition": {"StringLike": {"aws:PrincipalArn": "*"}}})
	not iam.restricting_condition({"Condition": {"StringEqualsIfExists": {"aws:PrincipalAccount": "123456789012"}}})
	not iam.restricting_condition({"Condition": {"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})
	iam.restricting_condition({"Condition": {"ForAnyValue:StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})
	not iam.restricting_condition({"Condition": {"StringNotEquals": {"aws:PrincipalAccount": "123456789012"}}})
	not iam.restricting_condition({"Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	not iam.restricting_condition({})
}

test_principal_accounts if {
	iam.principal_accounts({"AWS": ["arn:aws:iam::111122223333:root", "444455556666", "*"]}) == {"111122223333", "444455556666"}
	iam.principal_accounts({"Service": "ec2.amazonaws.com"}) == set()
}

test_assume_actions[action] if {
	some action in ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRole*", "sts:*", "*", "sts:Assume*", "STS:assumerole", "sts:AssumeRole?ith*", "s*:*"]
	iam.assume_action({"Action": action})
}

test_other_actions_do_not_assume if {
	not iam.assume_action({"Action": "sts:TagSession"})
	not iam.assume_action({"Action": ["s3:GetObject"]})
	not iam.assume_action({"NotAction": ["sts:AssumeRole*"]})
	not iam.assume_action({"NotAction": "sts:*"})
}

test_not_action_leaves_assume_in if {
	iam.assume_action({"NotAction": "sts:TagSession"})
	iam.assume_action({"NotAction": ["sts:AssumeRole", "sts:AssumeRoleWithSAML"]})
}
