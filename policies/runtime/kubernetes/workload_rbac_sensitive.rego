# METADATA
# title: Workload service accounts cannot read Secrets, create or exec into pods, or mint tokens
# description: >-
#   A model server, retriever or agent whose service account can read Secrets, create pods,
#   exec into pods or create service account tokens turns one prompt injection or container
#   compromise into the namespace's credentials and workloads. Roles and ClusterRoles are
#   judged through the bindings that give them to service accounts (or to the
#   system:serviceaccounts groups), with RBAC's wildcards, against policies/data.yaml
#   rbac_sensitive_grants.
# scope: package
# custom:
#   id: LLM-K8S-043
#   severity: high
#   remediation: >-
#     Remove the rule from the role bound to the workload's service account; read secrets
#     through mounted volumes or workload identity, and keep pod creation with the controllers.
#   frameworks:
#     cis-kubernetes: ["5.1.2", "5.1.4", "5.1.13"]
#     nsa-cisa-k8s: ["Authentication and authorization: Role-based access control"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.runtime.kubernetes.workload_rbac_sensitive

import data.llmops.lib.runtime as lib

role_types := {"kubernetes:rbac.authorization.k8s.io/v1:Role", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"}

binding_types := {"kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"}

# A rule of a role bound to workload accounts that holds a sensitive grant.
deny contains {"id": "LLM-K8S-043", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/rules/", format_int(j, 10)]), "resource": role.urn} if {
	some i, role in input.resources
	role.type in role_types
	accounts := bound_accounts(role)
	count(accounts) > 0
	some j, rule in object.get(role.props, "rules", [])
	some grant in lib.params.rbac_sensitive_grants
	grants(rule, grant)
	msg := concat("", [lib.text(role.props.kind), " ", lib.text(role.props.metadata.name), " lets ", lib.text(concat(", ", sort(accounts))), " ", lib.text(grant.name)])
}

# A binding of a built-in role that holds the grants (admin, edit) to workload accounts.
deny contains {"id": "LLM-K8S-043", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/roleRef"]), "resource": binding.urn} if {
	some i, binding in input.resources
	binding.type in binding_types
	object.get(binding.props, ["roleRef", "kind"], "") == "ClusterRole"
	binding.props.roleRef.name in lib.params.rbac_sensitive_builtin_roles
	accounts := {account | some subject in object.get(binding.props, "subjects", []); account := workload_account(binding, subject)}
	count(accounts) > 0
	msg := sprintf(
		"%s %s gives %s the built-in role %s, which reads Secrets and execs into pods",
		[binding.props.kind, binding.props.metadata.name, concat(", ", sort(accounts)), binding.props.roleRef.name],
	)
}

# Service accounts (namespace/name) that a binding in the input gives this role to.
bound_accounts(role) := {account |
	some binding in input.resources
	binding.type in binding_types
	refers_to(binding, role)
	some subject in object.get(binding.props, "subjects", [])
	account := workload_account(binding, subject)
}

refers_to(binding, role) if {
	binding.props.roleRef.kind == role.props.kind
	binding.props.roleRef.name == role.props.metadata.name
	role.props.kind == "ClusterRole"
}

# A Role is only bound from its own namespace.
refers_to(binding, role) if {
	binding.props.roleRef.kind == role.props.kind
	binding.props.roleRef.name == role.props.metadata.name
	binding.type == "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding"
	lib.namespace_of(binding) == lib.namespace_of(role)
}

workload_account(binding, subject) := concat("", [
	"serviceaccount ",
	lib.text(object.get(subject, "namespace", lib.namespace_of(binding))),
	"/",
	lib.text(subject.name),
]) if subject.kind == "ServiceAccount"

workload_account(_, subject) := concat("", ["group ", lib.text(subject.name)]) if {
	subject.kind == "Group"
	startswith(subject.name, "system:serviceaccounts")
}

# Every service account is authenticated, and an unauthenticated group reaches them as well:
# a grant to either reaches every workload in the cluster.
workload_account(_, subject) := concat("", ["group ", lib.text(subject.name), " (every workload)"]) if {
	subject.kind == "Group"
	subject.name in {"system:authenticated", "system:unauthenticated"}
}

grants(rule, grant) if {
	api_groups := object.get(rule, "apiGroups", [])
	some group in api_groups
	group in {grant.api_group, "*"}
	some resource in object.get(rule, "resources", [])
	some wanted in grant.resources
	covers(resource, wanted)
	some verb in object.get(rule, "verbs", [])
	verb in array.concat(grant.verbs, ["*"])
}

covers("*", _)

covers(pattern, wanted) if pattern == wanted

# "*/exec" covers the exec subresource of every resource. RBAC has no other subresource wildcard:
# "pods/*" matches no subresource (k8s.io/component-helpers/auth/rbac ResourceMatches: "*", an
# exact name, or "*/<subresource>").
covers(pattern, wanted) if {
	startswith(pattern, "*/")
	endswith(wanted, trim_prefix(pattern, "*"))
}
