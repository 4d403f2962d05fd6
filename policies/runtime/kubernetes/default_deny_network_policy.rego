# METADATA
# title: Every namespace with workloads has default-deny NetworkPolicies
# description: >-
#   Without a default-deny policy for ingress and egress, any pod can reach the model servers
#   and the vector store, and exfiltrate.
# scope: package
# custom:
#   id: LLM-K8S-016
#   severity: medium
#   remediation: >-
#     Add a NetworkPolicy with podSelector: {} and policyTypes [Ingress, Egress] and no rules to
#     the namespace.
#   frameworks:
#     nsa-cisa-k8s: ["Network separation: Network policies"]
#     cis-kubernetes: ["5.3.2"]
#     cis-eks: ["4.3.2"]
#     owasp-llm-2025: ["LLM08:2025"]
package llmops.runtime.kubernetes.default_deny_network_policy

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-016", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/metadata"]), "resource": urn} if {
	guarded := {namespace | some namespace, _ in default_deny}
	some [i, _, _] in lib.pod_specs
	urn := input.resources[i].urn
	namespace := lib.namespace_of(input.resources[i])
	not namespace in guarded
	msg := concat("", ["namespace ", lib.text(namespace), " has no default-deny NetworkPolicy for ingress and egress"])
}

default_deny[namespace] if {
	some resource in input.resources
	resource.type == "kubernetes:networking.k8s.io/v1:NetworkPolicy"
	namespace := lib.namespace_of(resource)
	count(object.get(resource.props.spec, "podSelector", {})) == 0
	{"Ingress", "Egress"} == {t | some t in resource.props.spec.policyTypes}
	count(object.get(resource.props.spec, "ingress", [])) == 0
	count(object.get(resource.props.spec, "egress", [])) == 0
}
