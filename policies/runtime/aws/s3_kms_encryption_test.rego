package llmops.runtime.aws.s3_kms_encryption_test

import data.llmops.runtime.aws.s3_kms_encryption as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"none": {"input": fx.doc([fx.bucket]), "path": "/resources/0/props"},
	"s3 managed": {"input": fx.doc([fx.bucket, fx.res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", {"bucket": "b-id", "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "AES256"}}]})]), "path": "/resources/0/props"},
	"aws-managed key where the spec demands a customer key": {"input": {"resources": [fx.bucket, fx.res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", {"bucket": "b-id", "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}}]})], "spec": {"spec": {"privacy": {"encryption": {"atRest": "customerManagedKey"}}}}}, "path": "/resources/0/props"},
	"aws-managed alias where the spec demands a customer key": {"input": {"resources": [fx.bucket, fx.res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", {"bucket": "b-id", "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms:dsse", "kmsMasterKeyId": "arn:aws:kms:eu-west-1:123456789012:alias/aws/s3"}}]})], "spec": {"spec": {"privacy": {"encryption": {"atRest": "customerManagedKey"}}}}}, "path": "/resources/0/props"},
}

allowed_cases := {
	"customer key where the spec demands one": {"resources": [fx.bucket, fx.res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", {"bucket": "b-id", "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234"}}]})], "spec": {"spec": {"privacy": {"encryption": {"atRest": "customerManagedKey"}}}}},
	"aws-managed key without a spec": fx.doc([fx.bucket, fx.res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", {"bucket": "b-id", "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}}]})]),
	"kms": fx.doc([fx.bucket, fx.res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", {"bucket": "b-id", "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": "k"}}]})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-010", tc.path]}
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
