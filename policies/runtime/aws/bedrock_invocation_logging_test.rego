package llmops.runtime.aws.bedrock_invocation_logging_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.bedrock_invocation_logging as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"policy invokes a model": {"input": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["bedrock:InvokeModel"], "Resource": "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0"}]}})]), "path": "/resources/0/props/policy"},
	"text delivery off": {"input": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["bedrock:InvokeModel"], "Resource": "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0"}]}}), fx.res("aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration", {"loggingConfig": {"textDataDeliveryEnabled": false, "s3Config": {"bucketName": "b"}}})]), "path": "/resources/0/props/policy"},
	"wildcard invoke action": {"input": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "bedrock:InvokeModel*", "Resource": "arn:aws:bedrock:eu-west-1::foundation-model/x"}]}})]), "path": "/resources/0/props/policy"},
	"spec model": {"input": {"resources": [], "spec": {"spec": {"models": [{"name": "claude", "source": {"type": "bedrock"}}]}}}, "path": "/spec/spec/models/0/source"},
}

allowed_cases := {
	"logged": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["bedrock:InvokeModel"], "Resource": "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0"}]}}), fx.res("aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration", {"loggingConfig": {"textDataDeliveryEnabled": true, "cloudwatchConfig": {"logGroupName": "g", "roleArn": "r"}}})]),
	"other service": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-037", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(object.remove(tc.input, ["spec"]))
}
