package llmops.runtime.aws.s3_tls_only_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.s3_tls_only as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"no policy": {"input": fx.doc([fx.bucket]), "path": "/resources/0/props"},
	"one principal": {"input": fx.doc([fx.bucket, fx.res("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": {"Statement": [{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:role/app"}, "Action": "s3:*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}})]), "path": "/resources/0/props"},
	"one action": {"input": fx.doc([fx.bucket, fx.res("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}})]), "path": "/resources/0/props"},
	"bucket ARN only, objects readable over HTTP": {"input": fx.doc([fx.bucket, fx.res("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}})]), "path": "/resources/0/props"},
	"narrowed to one account": {"input": fx.doc([fx.bucket, fx.res("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}, "StringEquals": {"aws:PrincipalAccount": "123456789012"}}}]}})]), "path": "/resources/0/props"},
	"narrowed to a source range": {"input": fx.doc([fx.bucket, fx.res("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::b/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}, "IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}})]), "path": "/resources/0/props"},
	"an Allow of the same shape": {"input": fx.doc([fx.bucket, fx.res("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}})]), "path": "/resources/0/props"},
	"narrowed by a second Bool key": {"input": fx.doc([fx.bucket, fx.res("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false", "aws:ViaAWSService": "false"}}}]}})]), "path": "/resources/0/props"},
	"an S3 on Outposts policy does not cover a regional bucket": {"input": fx.doc([fx.bucket, fx.res("aws:s3control/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}})]), "path": "/resources/0/props"},
	"deny on secure transport": {"input": fx.doc([fx.bucket, fx.res("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}})]), "path": "/resources/0/props"},
}

allowed_cases := {
	"every action, AWS star, lower-case key": fx.doc([fx.bucket, fx.res("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": {"Statement": [{"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": ["*"], "Condition": {"Bool": {"aws:securetransport": false}}}]}})]),
	"bucket and objects, upper-case service": fx.doc([fx.bucket, fx.res("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "S3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}})]),
	"ARNs unknown during preview": fx.doc([fx.bucket, fx.res("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["<unknown during preview>"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}})]),
	"tls only": fx.doc([fx.bucket, fx.res("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b-id", "policy": "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-009", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
