# METADATA
# title: Buckets encrypt with KMS
# description: >-
#   SSE-KMS with a customer-managed key puts reads of prompts, feedback and weights under key
#   policy and CloudTrail. Where the spec (input.spec) demands customer-managed keys, the
#   AWS-managed key (aws/s3) does not satisfy it.
# scope: package
# custom:
#   id: LLM-AWS-010
#   severity: high
#   remediation: >-
#     Add a BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and a
#     kmsMasterKeyId.
#   frameworks:
#     aws-fsbp: ["S3.17"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.runtime.aws.s3_kms_encryption

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-010", "msg": msg, "path": lib.resource_pointer(i), "resource": resource.urn} if {
	values := lib.referring_values(kms_configs, "bucket")
	urns := lib.referring_urns(kms_configs, "bucket")
	some i, resource in input.resources
	resource.type in {"aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"}
	not lib.referenced(resource, values, urns)
	msg := concat("", ["bucket ", lib.text(resource.name), " is not encrypted with a KMS key", lib.text(key_kind)])
}

key_kind := " the spec's customer-managed kind" if customer_managed_demanded

key_kind := "" if not customer_managed_demanded

kms_configs contains config if {
	some config in input.resources
	config.type == "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"
	some rule in config.props.rules
	startswith(rule.applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms")
	key_satisfies_spec(rule.applyServerSideEncryptionByDefault)
}

# When the spec (input.spec, the spec document) demands customer-managed keys, the AWS-managed
# key (no kmsMasterKeyId, alias/aws/s3, or any alias/aws/… ARN) does not satisfy it.
key_satisfies_spec(_) if not customer_managed_demanded

key_satisfies_spec(encryption) if {
	customer_managed_demanded
	key := object.get(encryption, "kmsMasterKeyId", "")
	is_string(key)
	key != ""
	not regex.match(`(^|:)alias/aws/`, key)
}

customer_managed_demanded if input.spec.spec.privacy.encryption.atRest == "customerManagedKey"
