package llmops.runtime.aws.iam_no_managed_admin_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.iam_no_managed_admin as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"admin attachment": {"input": fx.doc([fx.res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", {"role": "r", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"})]), "path": "/resources/0/props/policyArn"},
	"power user on a user": {"input": fx.doc([fx.res("aws:iam/userPolicyAttachment:UserPolicyAttachment", {"user": "u", "policyArn": "arn:aws-us-gov:iam::aws:policy/PowerUserAccess"})]), "path": "/resources/0/props/policyArn"},
	"iam full access on a role": {"input": fx.doc([fx.res("aws:iam/role:Role", {"managedPolicyArns": ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/IAMFullAccess"]})]), "path": "/resources/0/props/managedPolicyArns/1"},
	"job-function path": {"input": fx.doc([fx.res("aws:iam/policyAttachment:PolicyAttachment", {"roles": ["r"], "policyArn": "arn:aws:iam::aws:policy/job-function/AdministratorAccess"})]), "path": "/resources/0/props/policyArn"},
}

allowed_cases := {
	"worker policy": fx.doc([fx.res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", {"role": "r", "policyArn": "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"})]),
	"customer policy named like admin": fx.doc([fx.res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", {"role": "r", "policyArn": "arn:aws:iam::123456789012:policy/AdministratorAccess"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-031", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
