# METADATA
# title: No pod egress around the declared egress proxy
# description: >-
#   With network.egress.mode allowlist (or none), pods reach the outside only through the
#   egress proxy that enforces the allowlist (platform.egressProxyCidrs on target kubernetes)
#   or the private endpoints. A NetworkPolicy egress rule that admits every destination, or IP
#   blocks that together admit the internet, lets the pods it selects bypass the proxy.
# scope: package
# custom:
#   id: LLM-CTRL-009
#   severity: high
#   remediation: >-
#     Limit egress rules to in-cluster peers, the egress proxy's addresses and the private
#     endpoints (the llmops components admit only those); DNS-only rules may name no peer.
#   frameworks:
#     owasp-llm-2025: ["LLM02:2025", "LLM06:2025"]
#     nist-ai-600-1: ["Information Security", "Data Privacy"]
#     nsa-cisa-k8s: ["Network separation: Network policies"]
package llmops.runtime.controls.egress_proxy

import data.llmops.lib.cidr as cidr_lib
import data.llmops.lib.runtime as lib

declared if input.spec.spec.network.egress.mode in {"allowlist", "none"}

deny contains {"id": "LLM-CTRL-009", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/spec/egress/", format_int(r, 10)]), "resource": policy.urn} if {
	declared
	some i, policy in input.resources
	policy.type == "kubernetes:networking.k8s.io/v1:NetworkPolicy"
	some r, rule in object.get(policy.props, ["spec", "egress"], [])
	opens_internet(rule)
	name := object.get(policy.props, ["metadata", "name"], policy.name)
	mode := input.spec.spec.network.egress.mode
	msg := concat("", ["NetworkPolicy ", lib.text(name), " lets its pods reach the internet around the egress proxy, though the spec declares egress mode ", lib.text(mode)])
}

# A rule without peers admits every destination (on its ports; DNS-only rules are the exception).
opens_internet(rule) if {
	count(object.get(rule, "to", [])) == 0
	not dns_only(rule)
}

opens_internet(rule) if {
	cidrs := [peer.ipBlock.cidr | some peer in rule.to]
	cidr_lib.open_to_internet(cidrs)
}

dns_only(rule) if {
	ports := object.get(rule, "ports", [])
	count(ports) > 0
	every port in ports {
		object.get(port, "port", 0) == 53
	}
}
