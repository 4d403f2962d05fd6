# METADATA
# title: IAM policies grant no wildcard actions
# description: >-
#   Action * or service:* gives a workload (or a prompt-injected agent acting through it)
#   every present and future permission.
# scope: package
# custom:
#   id: LLM-AWS-022
#   severity: high
#   remediation: >-
#     List the exact actions the workload needs.
#   frameworks:
#     aws-fsbp: ["IAM.1", "IAM.21"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.runtime.aws.iam_no_wildcard_actions

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-022", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policy"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy"}
	some statement in lib.as_array(lib.document(resource.props.policy).Statement)
	statement.Effect == "Allow"
	some action in lib.as_array(statement.Action)
	regex.match(`(^\*$|:\*$)`, action)
	msg := concat("", ["policy ", lib.text(resource.name), " allows ", lib.text(action)])
}
