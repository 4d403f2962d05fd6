# METADATA
# title: No workload is bound to cluster-admin
# description: >-
#   cluster-admin is every permission in every namespace; no LLM workload needs it.
# scope: package
# custom:
#   id: LLM-K8S-020
#   severity: critical
#   remediation: >-
#     Bind a namespace-scoped Role with the exact permissions instead.
#   frameworks:
#     cis-kubernetes: ["5.1.1"]
#     cis-eks: ["4.1.1"]
#     nsa-cisa-k8s: ["Authentication and authorization: Role-based access control"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.runtime.kubernetes.no_cluster_admin

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-020", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/roleRef"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"}
	resource.props.roleRef.name == "cluster-admin"
	msg := concat("", [lib.text(resource.props.kind), " ", lib.text(resource.props.metadata.name), " binds cluster-admin"])
}
