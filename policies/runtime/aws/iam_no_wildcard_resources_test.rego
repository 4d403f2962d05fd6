package llmops.runtime.aws.iam_no_wildcard_resources_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.iam_no_wildcard_resources as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"any bucket": {"input": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"})]), "path": "/resources/0/props/policy"},
	"every object of every bucket": {"input": fx.doc([fx.res("aws:iam/policy:Policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*/*"}]}})]), "path": "/resources/0/props/policy"},
	"every table": {"input": fx.doc([fx.res("aws:iam/policy:Policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": ["arn:aws:dynamodb:eu-west-1:123456789012:table/feedback", "arn:aws:dynamodb:*:*:table/*"]}]}})]), "path": "/resources/0/props/policy"},
	"instances behind a wildcard tag value": {"input": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "ec2:TerminateInstances", "Resource": "arn:aws:ec2:eu-west-1:*:instance/*", "Condition": {"StringLike": {"aws:ResourceTag/karpenter.sh/nodepool": "*"}}}]}})]), "path": "/resources/0/props/policy"},
	"instances behind a non-tag condition": {"input": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "ec2:TerminateInstances", "Resource": "arn:aws:ec2:eu-west-1:*:instance/*", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}})]), "path": "/resources/0/props/policy"},
	"images for anything but a launch": {"input": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["ec2:RunInstances", "ec2:DeregisterImage"], "Resource": "arn:aws:ec2:eu-west-1::image/*"}]}})]), "path": "/resources/0/props/policy"},
	"short wildcard arn": {"input": fx.doc([fx.res("aws:iam/userPolicy:UserPolicy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:*"}]}})]), "path": "/resources/0/props/policy"},
}

allowed_cases := {
	"one bucket's objects": fx.doc([fx.res("aws:iam/policy:Policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::logs/*", "arn:aws:s3:::logs"]}]}})]),
	"one table": fx.doc([fx.res("aws:iam/policy:Policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": "arn:aws:dynamodb:eu-west-1:123456789012:table/feedback"}]}})]),
	"instances the cluster's tag scopes": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["ec2:TerminateInstances"], "Resource": "arn:aws:ec2:eu-west-1:*:instance/*", "Condition": {"StringEquals": {"aws:ResourceTag/kubernetes.io/cluster/prod": "owned"}, "StringLike": {"aws:ResourceTag/karpenter.sh/nodepool": "*"}}}]}})]),
	"launch from any image or snapshot": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["ec2:RunInstances", "ec2:CreateFleet"], "Resource": ["arn:aws:ec2:eu-west-1::image/*", "arn:aws:ec2:eu-west-1::snapshot/*"]}]}})]),
	"describe": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:DescribeInstances\",\"Resource\":\"*\"}]}"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-023", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
