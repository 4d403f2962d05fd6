package llmops.runtime.kubernetes.workload_rbac_sensitive_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.workload_rbac_sensitive as check
import data.llmops.runtime_fixtures_test as fx

role(rules) := fx.role(rules)

cluster_role(rules) := fx.k8s("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "ClusterRole", {"rules": rules})

bind(kind, subjects) := fx.k8s("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "RoleBinding", {"roleRef": {"kind": kind, "name": "x"}, "subjects": subjects})

service_account := [{"kind": "ServiceAccount", "name": "inference", "namespace": "ns"}]

rule_path := "/resources/0/props/rules/0"

secret_reader := [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}]

denied_cases := {
	"reads Secrets": {"input": fx.doc([role([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}]), bind("Role", service_account)]), "path": rule_path},
	"creates pods": {"input": fx.doc([role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["create", "delete"]}]), bind("Role", service_account)]), "path": rule_path},
	"mints tokens": {"input": fx.doc([cluster_role([{"apiGroups": [""], "resources": ["serviceaccounts/token"], "verbs": ["create"]}]), bind("ClusterRole", service_account)]), "path": rule_path},
	"every verb on every core resource": {"input": fx.doc([cluster_role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]), bind("ClusterRole", [{"kind": "Group", "name": "system:serviceaccounts:ns"}])]), "path": rule_path},
	"exec on every resource's exec subresource": {"input": fx.doc([role([{"apiGroups": [""], "resources": ["*/exec"], "verbs": ["create"]}]), bind("Role", service_account)]), "path": rule_path},
	"every authenticated identity reads Secrets": {"input": fx.doc([cluster_role(secret_reader), bind("ClusterRole", [{"kind": "Group", "name": "system:authenticated"}])]), "path": rule_path},
	"kubelet API through nodes/proxy": {"input": fx.doc([cluster_role([{"apiGroups": [""], "resources": ["nodes/proxy"], "verbs": ["get"]}]), bind("ClusterRole", service_account)]), "path": rule_path},
	"built-in edit bound to a service account": {"input": fx.doc([object.union(bind("ClusterRole", service_account), {"props": {"roleRef": {"name": "edit"}}})]), "path": "/resources/0/props/roleRef"},
}

allowed_cases := {
	"node metrics, not the proxy": fx.doc([cluster_role([{"apiGroups": [""], "resources": ["nodes/metrics", "nodes/stats"], "verbs": ["get"]}]), bind("ClusterRole", service_account)]),
	"reads Secrets, bound to a named group of people": fx.doc([cluster_role(secret_reader), bind("ClusterRole", [{"kind": "Group", "name": "system:masters-readers"}])]),
	"pods/* matches no subresource in RBAC": fx.doc([role([{"apiGroups": [""], "resources": ["pods/*", "nodes/*"], "verbs": ["create", "get"]}]), bind("Role", service_account)]),
	"reads ConfigMaps": fx.doc([role([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]}]), bind("Role", service_account)]),
	"reads Secrets, but bound to people only": fx.doc([role([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}]), bind("Role", [{"kind": "User", "name": "alice"}, {"kind": "Group", "name": "sre"}])]),
	"reads Secrets, not bound": fx.doc([role([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}])]),
	"a Role of the same name in another namespace": fx.doc([role([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}]), object.union(bind("Role", service_account), {"props": {"metadata": {"namespace": "other"}}})]),
	"secrets in another API group": fx.doc([role([{"apiGroups": ["external-secrets.io"], "resources": ["secrets"], "verbs": ["get"]}]), bind("Role", service_account)]),
	"logs, not exec": fx.doc([role([{"apiGroups": [""], "resources": ["pods/log", "pods"], "verbs": ["get"]}]), bind("Role", service_account)]),
	"a look-alike of another type": fx.doc([fx.k8s("kubernetes:core/v1:ConfigMap", "Role", {"rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}]}), bind("Role", service_account)]),
	"a namespaced Role called edit": fx.doc([object.union(bind("Role", service_account), {"props": {"roleRef": {"name": "edit"}}})]),
	"built-in edit bound to a person": fx.doc([object.union(bind("ClusterRole", [{"kind": "User", "name": "alice"}]), {"props": {"roleRef": {"name": "edit"}}})]),
	"binding names a Role, the input holds a ClusterRole": fx.doc([cluster_role(secret_reader), bind("Role", service_account)]),
	"binding names a ClusterRole, the input holds a Role": fx.doc([role(secret_reader), bind("ClusterRole", service_account)]),
	"binding names another ClusterRole": fx.doc([cluster_role(secret_reader), object.union(bind("ClusterRole", service_account), {"props": {"roleRef": {"name": "y"}}})]),
	"binding names another Role": fx.doc([role(secret_reader), object.union(bind("Role", service_account), {"props": {"roleRef": {"name": "y"}}})]),
	"a ClusterRoleBinding cannot give a Role": fx.doc([role(secret_reader), object.union(bind("Role", service_account), {"type": "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"})]),
	"a user named like the service-account group": fx.doc([role(secret_reader), bind("Role", [{"kind": "User", "name": "system:serviceaccounts:ns"}])]),
	"subresources of other resources": fx.doc([role([{"apiGroups": [""], "resources": ["nodes/*", "*/log", "token"], "verbs": ["get", "create"]}]), bind("Role", service_account)]),
	"built-in view": fx.doc([object.union(bind("ClusterRole", service_account), {"props": {"roleRef": {"name": "view"}}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-043", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
