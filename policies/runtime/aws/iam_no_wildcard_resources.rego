# METADATA
# title: IAM policies scope write and data actions to resources
# description: >-
#   Resource * on data or write actions lets a workload read or change everything of that kind
#   in the account.
# scope: package
# custom:
#   id: LLM-AWS-023
#   severity: high
#   remediation: >-
#     Name the ARNs (or ARN prefixes) the actions apply to.
#   frameworks:
#     owasp-llm-2025: ["LLM06:2025"]
#     nist-ai-600-1: ["Information Security"]
package llmops.runtime.aws.iam_no_wildcard_resources

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-023", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/policy"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy"}
	some statement in lib.as_array(lib.document(resource.props.policy).Statement)
	statement.Effect == "Allow"
	some arn in lib.as_array(statement.Resource)
	wildcard_resource(arn)
	some action in lib.as_array(statement.Action)
	not read_only_listing(action)
	msg := concat("", ["policy ", lib.text(resource.name), " allows ", lib.text(action), " on ", lib.text(arn)])
}

# Describe/List/Get*Token-style calls have no resource-level permissions in IAM.
read_only_listing(action) if regex.match(`^[a-z0-9-]+:(Describe|List)[A-Za-z]*$`, action)

read_only_listing("sts:GetCallerIdentity")

# "*", and ARNs whose resource part names nothing: arn:aws:s3:::*, arn:aws:s3:::*/*,
# arn:aws:dynamodb:*:*:table/*, arn:aws:*:*:*:*, arn:*.
wildcard_resource("*")

wildcard_resource(arn) if {
	is_string(arn)
	parts := split(arn, ":")
	parts[0] == "arn"
	count(parts) < 6
	endswith(arn, "*")
}

wildcard_resource(arn) if {
	is_string(arn)
	parts := split(arn, ":")
	parts[0] == "arn"
	count(parts) >= 6
	resource_part := concat(":", array.slice(parts, 5, count(parts)))
	regex.match(`^([A-Za-z0-9-]+[/:])?\*(/\*)*$`, resource_part)
	not named_bucket(parts[2], resource_part)
}

# In S3 the first segment is the bucket name, not a resource type: arn:aws:s3:::logs/* is one
# bucket's objects.
named_bucket("s3", resource_part) if not startswith(resource_part, "*")
