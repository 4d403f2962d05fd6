# METADATA
# title: RBAC grants no bind, escalate or impersonate
# description: >-
#   bind, escalate and impersonate let a workload grant itself any permission.
# scope: package
# custom:
#   id: LLM-K8S-019
#   severity: critical
#   remediation: >-
#     Remove bind, escalate and impersonate from the rule's verbs.
#   frameworks:
#     cis-kubernetes: ["5.1.8"]
#     nsa-cisa-k8s: ["Authentication and authorization: Role-based access control"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.runtime.kubernetes.rbac_no_escalation

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-019", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/rules/", format_int(j, 10), "/verbs"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"kubernetes:rbac.authorization.k8s.io/v1:Role", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"}
	some j, rule in object.get(resource.props, "rules", [])
	some verb in object.get(rule, "verbs", [])
	verb in {"bind", "escalate", "impersonate"}
	msg := concat("", [lib.text(resource.props.kind), " ", lib.text(resource.props.metadata.name), " grants ", lib.text(verb)])
}
