# METADATA
# title: No pod egress around the declared egress proxy
# description: >-
#   With network.egress.mode allowlist (or none), pods reach the outside only through the
#   egress proxy that enforces the allowlist (the stack's own Squid proxy, or
#   platform.egressProxyCidrs on target kubernetes) or the private endpoints. A NetworkPolicy
#   egress rule that admits every destination, or IP blocks that together admit the internet,
#   lets the pods it selects bypass the proxy. Where the namespace runs an egress proxy (a
#   workload mounting a Squid configuration), any public address in an egress rule is a bypass,
#   and so is a pod that no egress NetworkPolicy selects; the proxy's own pods are exempt (a
#   policy that selects them and no other pod may open the internet: that is their job).
# scope: package
# custom:
#   id: LLM-CTRL-009
#   severity: high
#   remediation: >-
#     Limit egress rules to in-cluster peers, the egress proxy's pods or addresses and the
#     private endpoints (the llmops components admit only those); DNS-only rules may name no peer.
#     Select every pod of a proxied namespace with an egress NetworkPolicy (a default deny).
#   frameworks:
#     owasp-llm-2025: ["LLM02:2025", "LLM06:2025"]
#     nist-ai-600-1: ["Information Security", "Data Privacy"]
#     nsa-cisa-k8s: ["Network separation: Network policies"]
package llmops.runtime.controls.egress_proxy

import data.llmops.lib.cidr as cidr_lib
import data.llmops.lib.egress
import data.llmops.lib.runtime as lib
import data.llmops.lib.selectors

declared if input.spec.spec.network.egress.mode in {"allowlist", "none"}

deny contains {"id": "LLM-CTRL-009", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/spec/egress/", format_int(r, 10)]), "resource": policy.urn} if {
	declared
	some i, policy in input.resources
	policy.type == "kubernetes:networking.k8s.io/v1:NetworkPolicy"
	some r, rule in object.get(policy.props, ["spec", "egress"], [])
	some reason in bypass(policy, rule)
	not proxy_only(policy)
	name := object.get(policy.props, ["metadata", "name"], policy.name)
	mode := input.spec.spec.network.egress.mode
	msg := concat("", ["NetworkPolicy ", lib.text(name), " lets its pods reach ", reason, " around the egress proxy, though the spec declares egress mode ", lib.text(mode)])
}

# A pod of a proxied namespace that no egress NetworkPolicy selects may reach anything.
deny contains {"id": "LLM-CTRL-009", "msg": msg, "path": pointer, "resource": workload.urn} if {
	declared
	some [i, pointer, labels] in egress.client_pods
	workload := input.resources[i]
	namespace := lib.namespace_of(workload)
	namespace in egress.proxied_namespaces
	count([policy |
		some policy in input.resources
		policy.type == "kubernetes:networking.k8s.io/v1:NetworkPolicy"
		lib.namespace_of(policy) == namespace
		egress.governs_egress(policy)
		selectors.matches(object.get(policy.props, ["spec", "podSelector"], {}), labels)
	]) == 0
	name := object.get(workload.props, ["metadata", "name"], workload.name)
	msg := concat("", ["the pods of ", lib.text(name), " have no egress NetworkPolicy: they reach the internet around the egress proxy of namespace ", lib.text(namespace)])
}

# Why a rule bypasses the proxy: it admits every destination (on its ports; DNS-only rules are
# the exception), its IP blocks together admit the internet, or, in a namespace with an egress
# proxy, it names any public address.
bypass(_, rule) := {"every destination"} if {
	count(object.get(rule, "to", [])) == 0
	not dns_only(rule)
}

bypass(_, rule) := {"the internet"} if {
	cidr_lib.open_to_internet(cidrs(rule))
}

bypass(policy, rule) := {concat("", ["public addresses (", concat(", ", public), ")"])} if {
	lib.namespace_of(policy) in egress.proxied_namespaces
	not cidr_lib.open_to_internet(cidrs(rule))
	public := cidr_lib.public_ranges(cidrs(rule))
	count(public) > 0
}

cidrs(rule) := [peer.ipBlock.cidr | some peer in object.get(rule, "to", [])]

dns_only(rule) if {
	ports := object.get(rule, "ports", [])
	count(ports) > 0
	every port in ports {
		object.get(port, "port", 0) == 53
	}
}

# The policy selects an egress proxy's pods and no other pod of its namespace.
proxy_only(policy) if {
	namespace := lib.namespace_of(policy)
	selector := object.get(policy.props, ["spec", "podSelector"], {})
	not selects_client(selector, namespace)
	some labels in egress.proxy_labels(namespace)
	selectors.matches(selector, labels)
}

selects_client(selector, namespace) if {
	some [i, _, labels] in egress.client_pods
	lib.namespace_of(input.resources[i]) == namespace
	selectors.matches(selector, labels)
}
