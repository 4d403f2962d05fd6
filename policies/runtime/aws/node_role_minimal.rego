# METADATA
# title: Node roles carry only the worker, CNI and ECR read-only policies
# description: >-
#   Pods can reach the node role; application permissions belong on IRSA roles, never on
#   nodes.
# scope: package
# custom:
#   id: LLM-AWS-028
#   severity: high
#   remediation: >-
#     Attach only AmazonEKSWorkerNodePolicy, AmazonEKS_CNI_Policy and
#     AmazonEC2ContainerRegistryReadOnly to node roles; move the rest to IRSA roles.
#   frameworks:
#     cis-eks: ["5.1.3", "5.2.1"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.runtime.aws.node_role_minimal

import data.llmops.lib.runtime as lib

allowed_node_policies := {
	"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
	"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
	"arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
}

node_role(role) if {
	some statement in lib.as_array(lib.document(role.props.assumeRolePolicy).Statement)
	"ec2.amazonaws.com" in lib.as_array(object.get(statement, ["Principal", "Service"], []))
}

node_roles contains role if {
	some role in input.resources
	role.type == "aws:iam/role:Role"
	node_role(role)
}

node_role_values contains key if {
	some role in node_roles
	some key in lib.resource_keys(role)
}

node_role_urns contains role.urn if some role in node_roles

on_node_role(resource, values, _) if resource.props.role in values

on_node_role(resource, _, urns) if {
	some urn in object.get(resource, ["refs", "role"], [])
	urn in urns
}

deny contains {"id": "LLM-AWS-028", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policyArn"]), "resource": resource.urn} if {
	# Bound once before the iteration: WebAssembly does not memoize rules, so this keeps it linear.
	# regal ignore:pointless-reassignment
	values := node_role_values

	# regal ignore:pointless-reassignment
	urns := node_role_urns
	some i, resource in input.resources
	resource.type == "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
	on_node_role(resource, values, urns)
	not resource.props.policyArn in allowed_node_policies
	msg := concat("", ["node role gets ", lib.text(resource.props.policyArn)])
}

deny contains {"id": "LLM-AWS-028", "msg": "node role has an inline policy", "path": lib.resource_pointer(i), "resource": resource.urn} if {
	# Bound once before the iteration: WebAssembly does not memoize rules, so this keeps it linear.
	# regal ignore:pointless-reassignment
	values := node_role_values

	# regal ignore:pointless-reassignment
	urns := node_role_urns
	some i, resource in input.resources
	resource.type == "aws:iam/rolePolicy:RolePolicy"
	on_node_role(resource, values, urns)
}
