package llmops.runtime.aws.kms_no_public_principal_test

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

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-012", tc.path]}
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
