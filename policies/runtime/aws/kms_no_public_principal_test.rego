package llmops.runtime.aws.kms_no_public_principal_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.kms_no_public_principal as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"star": {"input": fx.doc([fx.res("aws:kms/key:Key", {"enableKeyRotation": true, "policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"})]), "path": "/resources/0/props/policy"},
	"key policy resource": {"input": fx.doc([fx.res("aws:kms/keyPolicy:KeyPolicy", {"keyId": "k", "policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "kms:Decrypt", "Resource": "*"}]}})]), "path": "/resources/0/props/policy"},
	"unrelated condition": {"input": fx.doc([fx.res("aws:kms/key:Key", {"policy": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}})]), "path": "/resources/0/props/policy"},
}

allowed_cases := {
	"star pinned to the account": fx.doc([fx.res("aws:kms/keyPolicy:KeyPolicy", {"keyId": "k", "policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:CallerAccount": "123456789012", "kms:ViaService": "s3.eu-west-1.amazonaws.com"}}}]}})]),
	"root": fx.doc([fx.res("aws:kms/key:Key", {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "kms:*", "Resource": "*"}]}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-012", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
