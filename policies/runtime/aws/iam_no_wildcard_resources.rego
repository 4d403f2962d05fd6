# METADATA
# title: IAM policies scope write and data actions to resources
# description: >-
#   Resource * on data or write actions lets a workload read or change everything of that kind
#   in the account. A wildcard counts as scoped when the statement pins a resource or request
#   tag to a literal value (attribute-based access: what a node autoscaler launches has no id
#   before launch, only the cluster's tag), and for the images and snapshots an instance is
#   launched from (data.yaml launch_input_resource_types), which launching neither reads nor
#   changes.
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
	not tag_scoped(statement)
	some action in lib.as_array(statement.Action)
	not read_only_listing(action)
	not launch_input(action, arn)
	msg := concat("", ["policy ", lib.text(resource.name), " allows ", lib.text(action), " on ", lib.text(arn)])
}

# Describe/List/Get*Token-style calls have no resource-level permissions in IAM.
read_only_listing(action) if regex.match(`^[a-z0-9-]+:(Describe|List)[A-Za-z]*$`, action)

read_only_listing("sts:GetCallerIdentity")

# A condition that pins a resource or request tag to literal values (no wildcard) scopes the
# statement to the resources carrying that tag.
tag_scoped(statement) if {
	some operator, conditions in object.get(statement, "Condition", {})
	operator in {"StringEquals", "ForAllValues:StringEquals"}
	some key, value in conditions
	regex.match(`^(aws:ResourceTag|aws:RequestTag|ec2:ResourceTag)/.+$`, key)
	values := lib.as_array(value)
	count(values) > 0
	every v in values {
		is_string(v)
		v != ""
		not contains(v, "*")
		not contains(v, "?")
	}
}

# ec2:RunInstances and ec2:CreateFleet name the AMI and its snapshots as what the instance is
# launched from.
launch_input(action, arn) if {
	action in {"ec2:RunInstances", "ec2:CreateFleet"}
	parts := split(arn, ":")
	count(parts) >= 6
	split(parts[5], "/")[0] in lib.params.launch_input_resource_types
}

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
