package llmops.runtime.controls.egress_proxy_test

import data.llmops.lib.testing
import data.llmops.runtime.controls.egress_proxy as check

policy(egress) := {"urn": "urn:test::np", "type": "kubernetes:networking.k8s.io/v1:NetworkPolicy", "name": "np", "props": {
	"metadata": {"name": "gateway-egress", "namespace": "ns"},
	"spec": {"podSelector": {"matchLabels": {"role": "gateway"}}, "policyTypes": ["Egress"], "egress": egress},
}}

proxy_rule := {"to": [{"ipBlock": {"cidr": "10.20.8.10/32"}}], "ports": [{"protocol": "TCP", "port": 3128}]}

dns_rule := {"ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}]}

doc(egress, mode) := {"resources": [policy(egress)], "spec": {"spec": {"network": {"egress": {"mode": mode}}}}}

# A namespace with an egress proxy, known by the Squid configuration its Deployment mounts (the
# labels are not this project's), a client Deployment, and NetworkPolicies given per case.
squid_conf := "http_port 3128\nacl allowlisted dstdomain -n login.example.com\nhttp_access allow CONNECT allowlisted\nhttp_access deny all\n"

workload(name, labels, volumes) := {"urn": concat("", ["urn:test::", name]), "type": "kubernetes:apps/v1:Deployment", "name": name, "props": {
	"metadata": {"name": name, "namespace": "ns"},
	"spec": {"template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": name, "image": "x@sha256:0"}], "volumes": volumes}}},
}}

proxied(policies) := {
	"resources": array.concat(
		[
			{"urn": "urn:test::cm", "type": "kubernetes:core/v1:ConfigMap", "name": "cm", "props": {"metadata": {"name": "fwd-conf", "namespace": "ns"}, "data": {"squid.conf": squid_conf}}},
			workload("forward", {"app": "forward"}, [{"name": "c", "configMap": {"name": "fwd-conf"}}]),
			workload("api", {"app": "api", "tier": "web"}, []),
		],
		policies,
	),
	"spec": {"spec": {"network": {"egress": {"mode": "allowlist", "allowlist": ["login.example.com"]}}}},
}

named_policy(name, selector, egress) := {"urn": concat("", ["urn:test::", name]), "type": "kubernetes:networking.k8s.io/v1:NetworkPolicy", "name": name, "props": {
	"metadata": {"name": name, "namespace": "ns"},
	"spec": {"podSelector": selector, "policyTypes": ["Egress"], "egress": egress},
}}

proxy_out := named_policy("forward-egress", {"matchLabels": {"app": "forward"}}, [{"to": [{"ipBlock": {"cidr": "0.0.0.0/0"}}], "ports": [{"port": 443}]}])

to_proxy := named_policy("api-egress", {"matchExpressions": [{"key": "tier", "operator": "In", "values": ["web"]}]}, [{"to": [{"podSelector": {"matchLabels": {"app": "forward"}}}], "ports": [{"port": 3128}]}])

denied_cases := {
	"proxied namespace: a client with a narrow public range": {"input": proxied([proxy_out, named_policy("api-egress", {"matchLabels": {"app": "api"}}, [{"to": [{"ipBlock": {"cidr": "52.218.0.0/17"}}], "ports": [{"port": 443}]}])]), "path": "/resources/4/props/spec/egress/0"},
	"proxied namespace: a client no egress policy selects": {"input": proxied([proxy_out]), "path": "/resources/2/props/spec/template/spec"},
	"proxied namespace: the proxy's open rule also selects the clients": {"input": proxied([to_proxy, named_policy("all-out", {}, [{"to": [{"ipBlock": {"cidr": "0.0.0.0/0"}}], "ports": [{"port": 443}]}])]), "path": "/resources/4/props/spec/egress/0"},
	"every destination on 443": {"input": doc([proxy_rule, {"ports": [{"port": 443}]}], "allowlist"), "path": "/resources/0/props/spec/egress/1"},
	"an empty rule": {"input": doc([{}], "none"), "path": "/resources/0/props/spec/egress/0"},
	"the whole internet as an IP block": {"input": doc([{"to": [{"ipBlock": {"cidr": "0.0.0.0/0", "except": ["10.0.0.0/8"]}}]}], "allowlist"), "path": "/resources/0/props/spec/egress/0"},
	"public halves": {"input": doc([{"to": [{"ipBlock": {"cidr": "0.0.0.0/1"}}, {"ipBlock": {"cidr": "128.0.0.0/1"}}]}], "allowlist"), "path": "/resources/0/props/spec/egress/0"},
}

allowed_cases := {
	"proxied namespace: the proxy opens 443, clients reach only the proxy": proxied([proxy_out, to_proxy]),
	"proxied namespace: a client in a private range (a broker in the VPC)": proxied([proxy_out, named_policy("api-egress", {"matchLabels": {"app": "api"}}, [{"to": [{"ipBlock": {"cidr": "10.40.255.0/28"}}], "ports": [{"port": 9093}]}])]),
	"proxy and DNS only": doc([proxy_rule, dns_rule], "allowlist"),
	"in-cluster peer": doc([{"to": [{"podSelector": {"matchLabels": {"role": "inference"}}}], "ports": [{"port": 8000}]}], "none"),
	"a narrow public range (an object-store prefix)": doc([{"to": [{"ipBlock": {"cidr": "52.218.0.0/17"}}], "ports": [{"port": 443}]}], "allowlist"),
	"open egress declared (LLM-NET-004 judges the spec)": doc([{}], "open"),
	"no spec": {"resources": [policy([{}])]},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-009", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
