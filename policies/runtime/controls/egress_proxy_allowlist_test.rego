package llmops.runtime.controls.egress_proxy_allowlist_test

import data.llmops.lib.testing
import data.llmops.runtime.controls.egress_proxy_allowlist as check

built_config := concat("\n", [
	"http_port 3128",
	"acl tls_port port 443",
	"acl CONNECT method CONNECT",
	"acl allowlisted dstdomain -n .example.org login.example.com",
	"http_access deny !CONNECT",
	"http_access deny !tls_port",
	"http_access allow CONNECT tls_port allowlisted",
	"http_access deny all",
])

config_map(text) := {"urn": "urn:test::cm", "type": "kubernetes:core/v1:ConfigMap", "name": "cm", "props": {
	"metadata": {"name": "egress-proxy", "namespace": "ns"},
	"data": {"squid.conf": text},
}}

proxy := {"urn": "urn:test::proxy", "type": "kubernetes:apps/v1:Deployment", "name": "proxy", "props": {
	"metadata": {"name": "forward", "namespace": "ns"},
	"spec": {"template": {"metadata": {"labels": {"app": "forward"}}, "spec": {
		"containers": [{"name": "squid", "image": "squid@sha256:0"}],
		"volumes": [{"name": "config", "configMap": {"name": "egress-proxy"}}],
	}}},
}}

doc(text, allowlist) := {
	"resources": [config_map(text), proxy],
	"spec": {"spec": {"network": {"egress": {"mode": "allowlist", "allowlist": allowlist}}}},
}

declared := ["login.example.com", "*.example.org"]

denied_cases := {
	"a domain the spec does not declare": {
		"input": doc(replace(built_config, "login.example.com", "login.example.com pastebin.com"), declared),
		"path": "/resources/0/props/data/squid.conf",
	},
	"an exact host widened to its subdomains": {
		"input": doc(replace(built_config, "login.example.com", ".example.com"), declared),
		"path": "/resources/0/props/data/squid.conf",
	},
	"an allow line without a domain restriction": {
		"input": doc(replace(built_config, "http_access deny all", "http_access allow all"), declared),
		"path": "/resources/0/props/data/squid.conf",
	},
	"domains read from a file": {
		"input": doc(replace(built_config, ".example.org login.example.com", "\"/etc/squid/domains\""), declared),
		"path": "/resources/0/props/data/squid.conf",
	},
}

allowed_cases := {
	"the built configuration": doc(built_config, declared),
	"fewer domains than declared": doc(replace(built_config, ".example.org ", ""), declared),
	"comments and blank lines": doc(concat("\n", ["# allowlist from the spec", "", built_config]), declared),
	"not a proxy configuration": doc("model_list: []", ["login.example.com"]),
	"egress mode none (LLM-CTRL-009 judges the pods)": {
		"resources": [config_map(replace(built_config, "http_access deny all", "http_access allow all")), proxy],
		"spec": {"spec": {"network": {"egress": {"mode": "none"}}}},
	},
	"no spec": {"resources": [config_map(replace(built_config, "http_access deny all", "http_access allow all")), proxy]},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-014", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
