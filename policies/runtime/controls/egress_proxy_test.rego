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

denied_cases := {
	"every destination on 443": {"input": doc([proxy_rule, {"ports": [{"port": 443}]}], "allowlist"), "path": "/resources/0/props/spec/egress/1"},
	"an empty rule": {"input": doc([{}], "none"), "path": "/resources/0/props/spec/egress/0"},
	"the whole internet as an IP block": {"input": doc([{"to": [{"ipBlock": {"cidr": "0.0.0.0/0", "except": ["10.0.0.0/8"]}}]}], "allowlist"), "path": "/resources/0/props/spec/egress/0"},
	"public halves": {"input": doc([{"to": [{"ipBlock": {"cidr": "0.0.0.0/1"}}, {"ipBlock": {"cidr": "128.0.0.0/1"}}]}], "allowlist"), "path": "/resources/0/props/spec/egress/0"},
}

allowed_cases := {
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
