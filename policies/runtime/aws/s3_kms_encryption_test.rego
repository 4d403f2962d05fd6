package llmops.runtime.aws.s3_kms_encryption_test

import data.llmops.lib.testing
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

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-010", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
