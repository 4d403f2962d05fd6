package llmops.runtime.aws.policy_document_parses_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.policy_document_parses as check
import data.llmops.runtime_fixtures_test as fx

valid := "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}"

denied_cases := {
	"trailing text": {"input": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": concat("", [valid, "-changed"])})]), "path": "/resources/0/props/policy"},
	"empty": {"input": fx.doc([fx.res("aws:iam/role:Role", {"assumeRolePolicy": ""})]), "path": "/resources/0/props/assumeRolePolicy"},
	"not json": {"input": fx.doc([fx.res("aws:s3/bucketPolicy:BucketPolicy", {"policy": "allow everything"})]), "path": "/resources/0/props/policy"},
	"a bare string": {"input": fx.doc([fx.res("aws:iam/policy:Policy", {"policy": "\"Allow\""})]), "path": "/resources/0/props/policy"},
}

allowed_cases := {
	"valid string": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": valid})]),
	"padded string": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": concat("", ["\n  ", valid, "\n"])})]),
	"an array (OpenSearch Serverless)": fx.doc([fx.res("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", {"policy": "[{\"AllowFromPublic\":false}]"})]),
	"already an object": fx.doc([fx.res("aws:iam/rolePolicy:RolePolicy", {"policy": {"Statement": []}})]),
	"not an aws resource": fx.doc([fx.res("kubernetes:core/v1:ConfigMap", {"policy": "free text"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-029", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
