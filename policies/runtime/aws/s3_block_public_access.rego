# METADATA
# title: Buckets block all public access
# description: >-
#   Training data, feedback, weights and audit records must never become public through an ACL
#   or a bucket policy.
# scope: package
# custom:
#   id: LLM-AWS-008
#   severity: critical
#   remediation: >-
#     Attach a BucketPublicAccessBlock with all four settings true to every bucket.
#   frameworks:
#     aws-fsbp: ["S3.8"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.runtime.aws.s3_block_public_access

import data.llmops.lib.runtime as lib

bucket_types := {"aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"}

# The referring values are collected once, before iterating buckets: WebAssembly does not
# memoize rules called from functions, and this keeps 10,000-resource stacks linear.
deny contains {"id": "LLM-AWS-008", "msg": msg, "path": lib.resource_pointer(i), "resource": resource.urn} if {
	values := lib.referring_values(full_blocks, "bucket")
	urns := lib.referring_urns(full_blocks, "bucket")
	some i, resource in input.resources
	resource.type in bucket_types
	not lib.referenced(resource, values, urns)
	msg := concat("", ["bucket ", lib.text(resource.name), " has no public access block with all four settings on"])
}

full_blocks contains block if {
	some block in input.resources
	block.type == "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"
	every setting in ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] {
		block.props[setting] == true
	}
}
