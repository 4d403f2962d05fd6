# METADATA
# title: IAM Allow statements use no NotAction or NotResource
# description: >-
#   Allow with NotAction grants every action except those listed, including every action AWS
#   adds later; Allow with NotResource grants on every resource except those listed. Both are
#   wildcards written the other way round.
# scope: package
# custom:
#   id: LLM-AWS-030
#   severity: high
#   remediation: >-
#     Replace NotAction/NotResource in Allow statements with the exact actions and resources the
#     workload needs (NotAction belongs in Deny statements).
#   frameworks:
#     aws-fsbp: ["IAM.1", "IAM.21"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.runtime.aws.iam_no_not_elements

import data.llmops.lib.iam
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-030", "msg": msg, "path": path, "resource": resource.urn} if {
	some i, resource in input.resources
	some [path, document] in documents(i, resource)
	some statement in iam.statements(document)
	iam.allows(statement)
	some element in ["NotAction", "NotResource"]
	statement[element]
	msg := concat("", ["policy ", lib.text(resource.name), " allows with ", lib.text(element)])
}

documents(i, resource) := {[concat("", [lib.text(lib.resource_pointer(i)), "/policy"]), resource.props.policy]} if resource.type in iam.identity_policy_types

documents(i, resource) := {[concat("", [lib.text(lib.resource_pointer(i)), "/inlinePolicies/", format_int(j, 10), "/policy"]), inline.policy] |
	some j, inline in object.get(resource.props, "inlinePolicies", [])
	inline.policy
} if resource.type == "aws:iam/role:Role"
