package llmops.runtime.aws.s3_block_public_access_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.s3_block_public_access as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"no block": {"input": fx.doc([fx.bucket]), "path": "/resources/0/props"},
	"partial block": {"input": fx.doc([fx.bucket, fx.res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", {"bucket": "b-id", "blockPublicAcls": true, "blockPublicPolicy": false, "ignorePublicAcls": true, "restrictPublicBuckets": true})]), "path": "/resources/0/props"},
}

allowed_cases := {
	"blocked": fx.doc([fx.bucket, fx.res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", {"bucket": "b-id", "blockPublicAcls": true, "blockPublicPolicy": true, "ignorePublicAcls": true, "restrictPublicBuckets": true})]),
	"blocked by reference (CrossGuard, id unknown)": fx.doc([json.remove(fx.bucket, ["id"]), object.union(fx.res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", {"bucket": "<unknown during preview>", "blockPublicAcls": true, "blockPublicPolicy": true, "ignorePublicAcls": true, "restrictPublicBuckets": true}), {"refs": {"bucket": ["urn:test::aws:s3/bucket:Bucket::b"]}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-008", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
