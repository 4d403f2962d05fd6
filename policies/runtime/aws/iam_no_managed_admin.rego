# METADATA
# title: No AWS-managed administrator policy is attached
# description: >-
#   AdministratorAccess, PowerUserAccess and IAMFullAccess (the list is data.yaml's
#   aws_admin_managed_policies) give a workload, or an agent acting through it, the account:
#   IAMFullAccess alone lets it grant itself everything else.
# scope: package
# custom:
#   id: LLM-AWS-031
#   severity: high
#   remediation: >-
#     Detach the managed administrator policy and attach a customer-managed policy listing the
#     actions and resources the workload needs.
#   frameworks:
#     aws-fsbp: ["IAM.1"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.runtime.aws.iam_no_managed_admin

import data.llmops.lib.runtime as lib

attachment_types := {
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment",
	"aws:iam/userPolicyAttachment:UserPolicyAttachment",
	"aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
	"aws:iam/policyAttachment:PolicyAttachment",
}

deny contains {"id": "LLM-AWS-031", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/policyArn"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in attachment_types
	admin_policy(resource.props.policyArn)
	msg := concat("", [lib.text(resource.name), " attaches the AWS-managed ", lib.text(resource.props.policyArn)])
}

deny contains {"id": "LLM-AWS-031", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/managedPolicyArns/", format_int(j, 10)]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"aws:iam/role:Role", "aws:iam/user:User", "aws:iam/group:Group"}
	some j, arn in object.get(resource.props, "managedPolicyArns", [])
	admin_policy(arn)
	msg := concat("", [lib.text(resource.name), " attaches the AWS-managed ", lib.text(arn)])
}

# arn:aws:iam::aws:policy/AdministratorAccess, also under a path (…:policy/job-function/…) and in
# every partition (aws, aws-cn, aws-us-gov).
admin_policy(arn) if {
	is_string(arn)
	parts := split(arn, ":")
	count(parts) == 6
	parts[2] == "iam"
	parts[4] == "aws"
	path := split(parts[5], "/")
	path[0] == "policy"
	path[count(path) - 1] in data.llmops.params.aws_admin_managed_policies
}
