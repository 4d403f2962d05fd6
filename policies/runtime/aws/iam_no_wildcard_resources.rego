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
#     aws-fsbp: ["IAM.1"]
#     owasp-llm-2025: ["LLM06:2025"]
#     cis-eks: ["5.1.x"]
package llmops.runtime.aws.iam_no_wildcard_resources

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-023", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policy"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy"}
	some statement in lib.as_array(lib.document(resource.props.policy).Statement)
	statement.Effect == "Allow"
	"*" in lib.as_array(statement.Resource)
	some action in lib.as_array(statement.Action)
	not read_only_listing(action)
	msg := concat("", ["policy ", lib.text(resource.name), " allows ", lib.text(action), " on every resource"])
}

# Describe/List/Get*Token-style calls have no resource-level permissions in IAM.
read_only_listing(action) if regex.match(`^[a-z0-9-]+:(Describe|List)[A-Za-z]*$`, action)

read_only_listing("sts:GetCallerIdentity")
