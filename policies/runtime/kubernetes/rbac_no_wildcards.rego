# METADATA
# title: RBAC rules name their resources and verbs
# description: >-
#   A wildcard in a Role grants every present and future resource or verb.
# scope: package
# custom:
#   id: LLM-K8S-018
#   severity: high
#   remediation: >-
#     List the exact apiGroups, resources and verbs the workload needs.
#   frameworks:
#     cis-kubernetes: ["5.1.3"]
#     cis-eks: ["4.1.3"]
#     nsa-cisa-k8s: ["Authentication and authorization: Role-based access control"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.runtime.kubernetes.rbac_no_wildcards

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-018", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/rules/", format_int(j, 10)]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"kubernetes:rbac.authorization.k8s.io/v1:Role", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"}
	some j, rule in object.get(resource.props, "rules", [])
	some field in ["apiGroups", "resources", "verbs"]
	"*" in object.get(rule, field, [])
	msg := concat("", [lib.text(resource.props.kind), " ", lib.text(resource.props.metadata.name), " rule ", format_int(j, 10), " has a wildcard in ", lib.text(field)])
}
