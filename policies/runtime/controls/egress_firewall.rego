# METADATA
# title: The egress the spec declares holds at the VPC's edge
# description: >-
#   With network.egress.mode allowlist, outbound traffic must cross an AWS Network Firewall
#   whose domain allowlist is the spec's before it reaches NAT: a workload subnet routed
#   straight to a NAT gateway, or a NAT gateway with no firewall at all, is full internet
#   egress whatever the spec says. The firewall must hold too: every packet forwarded to the
#   stateful engine, established flows no rule passed dropped, and no host name or pass rule
#   beyond the spec's allowlist. With mode none, the VPC has no NAT gateway.
# scope: package
# custom:
#   id: LLM-CTRL-008
#   severity: high
#   remediation: >-
#     Route workload subnets to the Network Firewall endpoint and only the firewall subnets to
#     NAT (the llmops PrivateNetwork builds this from network.egress.allowlist); keep the policy's
#     stateless default at aws:forward_to_sfe and its stateful default at aws:drop_established,
#     and list only the spec's host names in the ALLOWLIST domain rule group.
#   frameworks:
#     owasp-llm-2025: ["LLM02:2025", "LLM06:2025"]
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Information Security", "Data Privacy"]
package llmops.runtime.controls.egress_firewall

import data.llmops.lib.runtime as lib

egress := object.get(input, ["spec", "spec", "network", "egress"], {})

allowlisted if egress.mode == "allowlist"

# Spec host names as Network Firewall writes them: `*.example.com` is `.example.com`.
spec_domains contains domain if {
	some host in object.get(egress, "allowlist", [])
	domain := nf_domain(host)
}

nf_domain(host) := concat("", [".", substring(host, 2, -1)]) if startswith(host, "*.")

nf_domain(host) := host if not startswith(host, "*.")

# A rule-group target the spec admits: named, or under a `*.` wildcard the spec names.
covered(target) if target in spec_domains

covered(target) if {
	some domain in spec_domains
	startswith(domain, ".")
	endswith(target, domain)
}

firewalls contains [i, resource] if {
	some i, resource in input.resources
	resource.type == "aws:networkfirewall/firewall:Firewall"
}

nat_gateways contains [i, resource] if {
	some i, resource in input.resources
	resource.type == "aws:ec2/natGateway:NatGateway"
}

# Subnet ids the firewall's endpoints sit in.
firewall_subnets contains subnet if {
	some [_, firewall] in firewalls
	some mapping in object.get(firewall.props, "subnetMappings", [])
	subnet := mapping.subnetId
	is_string(subnet)
}

# [index, pointer, route table] for every route to a NAT gateway: inline routes of a route table
# and standalone aws:ec2/route:Route resources (their table is the one they name).
nat_routes contains [i, concat("", [lib.resource_pointer(i), "/routes/", format_int(r, 10)]), table] if {
	some i, table in input.resources
	table.type == "aws:ec2/routeTable:RouteTable"
	some r, route in object.get(table.props, "routes", [])
	object.get(route, "natGatewayId", "") != ""
}

nat_routes contains [i, lib.resource_pointer(i), table] if {
	some i, route in input.resources
	route.type == "aws:ec2/route:Route"
	object.get(route.props, "natGatewayId", "") != ""
	some table in input.resources
	table.type == "aws:ec2/routeTable:RouteTable"
	lib.references(route, "routeTableId", table)
}

deny contains {"id": "LLM-CTRL-008", "msg": msg, "path": lib.resource_pointer(i), "resource": nat.urn} if {
	allowlisted
	count(firewalls) == 0
	some [i, nat] in nat_gateways
	msg := concat("", ["NAT gateway ", lib.text(nat.name), " gives full internet egress: the spec declares an egress allowlist and no network firewall enforces it"])
}

deny contains {"id": "LLM-CTRL-008", "msg": msg, "path": lib.resource_pointer(i), "resource": nat.urn} if {
	egress.mode == "none"
	some [i, nat] in nat_gateways
	msg := concat("", ["NAT gateway ", lib.text(nat.name), " gives internet egress the spec does not declare (network.egress.mode none)"])
}

deny contains {"id": "LLM-CTRL-008", "msg": msg, "path": pointer, "resource": urn} if {
	allowlisted
	count(firewalls) > 0
	some [i, pointer, table] in nat_routes
	urn := input.resources[i].urn
	some association in input.resources
	association.type == "aws:ec2/routeTableAssociation:RouteTableAssociation"
	lib.references(association, "routeTableId", table)
	subnet := object.get(association.props, "subnetId", null)
	is_string(subnet)
	not subnet in firewall_subnets
	msg := concat("", ["route table ", lib.text(table.name), " sends subnet ", subnet, " straight to NAT, around the network firewall that enforces the egress allowlist"])
}

deny contains {"id": "LLM-CTRL-008", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/firewallPolicy/", field]), "resource": policy.urn} if {
	allowlisted
	some i, policy in input.resources
	policy.type == "aws:networkfirewall/firewallPolicy:FirewallPolicy"
	some field in ["statelessDefaultActions", "statelessFragmentDefaultActions"]
	not "aws:forward_to_sfe" in object.get(policy.props, ["firewallPolicy", field], [])
	msg := concat("", ["firewall policy ", lib.text(policy.name), " does not forward every packet to the stateful engine (", field, "), so traffic skips the domain allowlist"])
}

deny contains {"id": "LLM-CTRL-008", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/firewallPolicy/statefulDefaultActions"]), "resource": policy.urn} if {
	allowlisted
	some i, policy in input.resources
	policy.type == "aws:networkfirewall/firewallPolicy:FirewallPolicy"
	actions := object.get(policy.props, ["firewallPolicy", "statefulDefaultActions"], [])
	count({action | some action in actions; action in {"aws:drop_established", "aws:drop_strict"}}) == 0
	msg := concat("", ["firewall policy ", lib.text(policy.name), " passes flows no rule matched (no aws:drop_established default), so other protocols and unnamed hosts leave freely"])
}

deny contains {"id": "LLM-CTRL-008", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/ruleGroup/rulesSource/rulesSourceList/targets/", format_int(t, 10)]), "resource": group.urn} if {
	allowlisted
	some i, group in input.resources
	group.type == "aws:networkfirewall/ruleGroup:RuleGroup"
	list := object.get(group.props, ["ruleGroup", "rulesSource", "rulesSourceList"], {})
	object.get(list, "generatedRulesType", "") == "ALLOWLIST"
	some t, target in object.get(list, "targets", [])
	not covered(target)
	msg := concat("", ["firewall rule group ", lib.text(group.name), " allows ", lib.text(target), ", which network.egress.allowlist does not declare"])
}

deny contains {"id": "LLM-CTRL-008", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/ruleGroup/rulesSource"]), "resource": group.urn} if {
	allowlisted
	some i, group in input.resources
	group.type == "aws:networkfirewall/ruleGroup:RuleGroup"
	object.get(group.props, "type", "") == "STATEFUL"
	passes(object.union({"rulesString": object.get(group.props, "rules", "")}, object.get(group.props, ["ruleGroup", "rulesSource"], {})))
	msg := concat("", ["firewall rule group ", lib.text(group.name), " has pass rules beyond the domain allowlist the spec declares"])
}

passes(source) if {
	some rule in object.get(source, "statefulRules", [])
	upper(object.get(rule, "action", "")) == "PASS"
}

passes(source) if regex.match(`(?m)^\s*pass\s`, object.get(source, "rulesString", ""))
