package llmops.runtime.controls.egress_firewall_test

import data.llmops.lib.testing
import data.llmops.runtime.controls.egress_firewall as check

spec(egress) := {"spec": {"network": {"egress": egress}}}

allowlist := {"mode": "allowlist", "allowlist": ["api.example.com", "*.weather.example.org"]}

res(type, name, props) := {"urn": concat("", ["urn:test::", name]), "type": type, "name": name, "id": concat("", ["id-", name]), "props": props}

rule_group(targets) := res("aws:networkfirewall/ruleGroup:RuleGroup", "domains", {"type": "STATEFUL", "capacity": 200, "ruleGroup": {
	"rulesSource": {"rulesSourceList": {"generatedRulesType": "ALLOWLIST", "targetTypes": ["TLS_SNI", "HTTP_HOST"], "targets": targets}},
	"statefulRuleOptions": {"ruleOrder": "STRICT_ORDER"},
}})

policy_doc := {
	"statelessDefaultActions": ["aws:forward_to_sfe"],
	"statelessFragmentDefaultActions": ["aws:forward_to_sfe"],
	"statefulEngineOptions": {"ruleOrder": "STRICT_ORDER"},
	"statefulDefaultActions": ["aws:drop_established", "aws:alert_established"],
	"statefulRuleGroupReferences": [{"resourceArn": "arn:rg", "priority": 100}],
}

policy(doc) := res("aws:networkfirewall/firewallPolicy:FirewallPolicy", "policy", {"firewallPolicy": doc})

private_table(routes) := res("aws:ec2/routeTable:RouteTable", "private-rt", {"vpcId": "id-vpc", "routes": routes})

# The network as PrivateNetwork builds it, by index: 0 NAT, 1 firewall, 2 policy, 3 rule group,
# 4 firewall route table, 5 its association, 6 private route table, 7 its association.
built := [
	res("aws:ec2/natGateway:NatGateway", "nat", {"subnetId": "id-public"}),
	res("aws:networkfirewall/firewall:Firewall", "firewall", {"vpcId": "id-vpc", "firewallPolicyArn": "arn:policy", "subnetMappings": [{"subnetId": "id-fw"}]}),
	policy(policy_doc),
	rule_group(["api.example.com", ".weather.example.org", "radar.weather.example.org"]),
	res("aws:ec2/routeTable:RouteTable", "fw-rt", {"vpcId": "id-vpc", "routes": [{"cidrBlock": "0.0.0.0/0", "natGatewayId": "id-nat"}]}),
	res("aws:ec2/routeTableAssociation:RouteTableAssociation", "fw-rta", {"subnetId": "id-fw", "routeTableId": "id-fw-rt"}),
	private_table([{"cidrBlock": "0.0.0.0/0", "vpcEndpointId": "vpce-1"}]),
	res("aws:ec2/routeTableAssociation:RouteTableAssociation", "private-rta", {"subnetId": "id-private", "routeTableId": "id-private-rt"}),
]

nat_route := [{"cidrBlock": "0.0.0.0/0", "natGatewayId": "id-nat"}]

# Every way of breaking the built network at once.
broken := array.concat(
	[
		built[0], built[1],
		policy(object.union(policy_doc, {"statelessDefaultActions": ["aws:pass"], "statefulDefaultActions": []})),
		rule_group(["paste.example.net"]),
		built[4], built[5], private_table(nat_route), built[7],
	],
	[res("aws:networkfirewall/ruleGroup:RuleGroup", "extra", {"type": "STATEFUL", "capacity": 10, "rules": "pass tcp any any -> any any (sid:1;)"})],
)

with_resource(index, resource) := [r | some i, original in built; r := object.get({index: resource}, i, original)]

without(index) := [r | some i, r in built; i != index]

doc(resources, egress) := {"resources": resources, "spec": spec(egress)}

denied_cases := {
	"workload subnet routed straight to NAT": {"input": doc(with_resource(6, private_table(nat_route)), allowlist), "path": "/resources/6/props/routes/0"},
	"standalone route to NAT from the workload table": {"input": doc(array.concat(built, [res("aws:ec2/route:Route", "leak", {"routeTableId": "id-private-rt", "destinationCidrBlock": "0.0.0.0/0", "natGatewayId": "id-nat"})]), allowlist), "path": "/resources/8/props"},
	"NAT and no firewall": {"input": doc(without(1), allowlist), "path": "/resources/0/props"},
	"no firewall, workload routed to NAT (one finding, at the NAT)": {"input": doc([r | some i, r in with_resource(6, private_table(nat_route)); i != 1], allowlist), "path": "/resources/0/props"},
	"NAT though the spec declares no egress": {"input": doc(built, {"mode": "none", "allowlist": []}), "path": "/resources/0/props"},
	"stateless pass": {"input": doc(with_resource(2, policy(object.union(policy_doc, {"statelessDefaultActions": ["aws:pass"]}))), allowlist), "path": "/resources/2/props/firewallPolicy/statelessDefaultActions"},
	"no stateful drop": {"input": doc(with_resource(2, policy(object.union(policy_doc, {"statefulDefaultActions": ["aws:alert_established"]}))), allowlist), "path": "/resources/2/props/firewallPolicy/statefulDefaultActions"},
	"a host the spec does not declare": {"input": doc(with_resource(3, rule_group(["api.example.com", "paste.example.net"])), allowlist), "path": "/resources/3/props/ruleGroup/rulesSource/rulesSourceList/targets/1"},
	"a wildcard wider than the spec's host": {"input": doc(with_resource(3, rule_group([".example.com"])), allowlist), "path": "/resources/3/props/ruleGroup/rulesSource/rulesSourceList/targets/0"},
	"a Suricata pass rule": {"input": doc(array.concat(built, [res("aws:networkfirewall/ruleGroup:RuleGroup", "extra", {"type": "STATEFUL", "capacity": 10, "rules": "pass tcp $HOME_NET any -> any 22 (sid:1;)"})]), allowlist), "path": "/resources/8/props/ruleGroup/rulesSource"},
	"a 5-tuple pass rule": {"input": doc(array.concat(built, [res("aws:networkfirewall/ruleGroup:RuleGroup", "extra", {"type": "STATEFUL", "capacity": 10, "ruleGroup": {"rulesSource": {"statefulRules": [{"action": "PASS", "header": {"protocol": "TCP"}}]}}})]), allowlist), "path": "/resources/8/props/ruleGroup/rulesSource"},
}

allowed_cases := {
	"as built": doc(built, allowlist),
	"no egress, no NAT": doc([r | some i, r in built; not i in {0, 4, 5}], {"mode": "none", "allowlist": []}),
	"no spec": {"resources": without(1)},
	"undetermined subnet": doc(array.concat(array.slice(built, 0, 6), [private_table(nat_route), res("aws:ec2/routeTableAssociation:RouteTableAssociation", "private-rta", {"routeTableId": "id-private-rt"})]), allowlist),
	"a standalone NAT route in the firewall subnet's table": doc(array.concat(built, [res("aws:ec2/route:Route", "fw-nat", {"routeTableId": "id-fw-rt", "destinationCidrBlock": "0.0.0.0/0", "natGatewayId": "id-nat"})]), allowlist),
	"a deny list is not an allowlist": doc(array.concat(built, [res("aws:networkfirewall/ruleGroup:RuleGroup", "deny", {"type": "STATEFUL", "capacity": 10, "ruleGroup": {"rulesSource": {"rulesSourceList": {"generatedRulesType": "DENYLIST", "targetTypes": ["TLS_SNI"], "targets": ["paste.example.net"]}}}})]), allowlist),
	"a 5-tuple drop rule": doc(array.concat(built, [res("aws:networkfirewall/ruleGroup:RuleGroup", "extra", {"type": "STATEFUL", "capacity": 10, "ruleGroup": {"rulesSource": {"statefulRules": [{"action": "DROP", "header": {"protocol": "TCP"}}]}}})]), allowlist),
	# open egress is LLM-NET-004's (a spec finding); this check judges only what allowlist and none declare.
	"everything broken, egress open": doc(broken, {"mode": "open", "allowlist": []}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-008", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
