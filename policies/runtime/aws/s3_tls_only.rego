# METADATA
# title: Buckets refuse requests without TLS
# description: >-
#   A bucket policy that denies every action (s3:* or *) to every principal (*) when
#   aws:SecureTransport is false keeps data from crossing the network in clear text; a deny for
#   one principal or one action does not.
# scope: package
# custom:
#   id: LLM-AWS-009
#   severity: high
#   remediation: >-
#     Add a Deny statement for s3:* when aws:SecureTransport is false to the bucket policy.
#   frameworks:
#     aws-fsbp: ["S3.5"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.runtime.aws.s3_tls_only

import data.llmops.lib.iam
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-009", "msg": msg, "path": lib.resource_pointer(i), "resource": resource.urn} if {
	values := lib.referring_values(tls_policies, "bucket")
	urns := lib.referring_urns(tls_policies, "bucket")
	some i, resource in input.resources
	resource.type in {"aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"}
	not lib.referenced(resource, values, urns)
	msg := concat("", ["bucket ", lib.text(resource.name), " accepts requests without TLS"])
}

tls_policies contains policy if {
	some policy in input.resources
	policy.type == "aws:s3/bucketPolicy:BucketPolicy"
	some statement in lib.as_array(lib.document(policy.props.policy).Statement)
	statement.Effect == "Deny"
	iam.wildcard_principal(statement.Principal)
	every_action(statement)
	insecure_transport(statement)
	only_transport_condition(statement)
	covers_objects(statement)
}

# The deny covers every S3 action: "*" or "s3:*" (a deny of s3:GetObject alone leaves the rest
# open over plain HTTP).
every_action(statement) if {
	some action in lib.as_array(object.get(statement, "Action", []))
	lower(action) in {"*", "s3:*"}
}

# Conditions are ANDed: any other key (an account, a source address, a VPC) narrows the deny
# to the requests that also match it, and the rest go through over plain HTTP.
only_transport_condition(statement) if {
	every _, conditions in statement.Condition {
		every key, _ in conditions { lower(key) == "aws:securetransport" }
	}
}

# The deny reaches the objects, not only the bucket: a Resource of "*", or one ending in "/*"
# (arn:aws:s3:::bucket/*), or one unknown during preview (undetermined, not judged).
covers_objects(statement) if not statement.Resource

covers_objects(statement) if {
	some resource in lib.as_array(statement.Resource)
	object_pattern(resource)
}

object_pattern("*")

object_pattern(resource) if endswith(resource, "/*")

object_pattern(resource) if startswith(resource, "<unknown")

insecure_transport(statement) if {
	some operator in ["Bool", "BoolIfExists"]
	some key, value in object.get(statement, ["Condition", operator], {})
	lower(key) == "aws:securetransport"
	value in {false, "false", [false], ["false"]}
}
