package llmops.runtime.aws.iam_no_managed_admin_test

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

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-031", tc.path]}
	every f in found { f.resource != "" }
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}

# The denied inputs with every resource retyped to a type no check knows yield nothing.
test_other_types_pass[note] if {
	some note, tc in denied_cases
	found := check.deny with input as fx.retyped(tc.input)
	count(found) == 0
}
