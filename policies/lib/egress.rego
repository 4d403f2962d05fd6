# METADATA
# title: Shared helpers over forward egress proxies and the pods around them
# description: >-
#   Finds Squid forward-proxy configurations (a ConfigMap value with `http_port` and `http_access`
#   directives), the workloads that mount them (the egress proxies, known by their configuration,
#   not by a label), and the pod templates of every other workload with their labels. Used by
#   LLM-CTRL-009 (pods around the proxy) and LLM-CTRL-014 (the proxy's allowed domains).
# scope: package
package llmops.lib.egress

import data.llmops.lib.gateway
import data.llmops.lib.runtime as lib

# The directives of a Squid configuration: one token list per non-empty, non-comment line.
directives(text) := [tokens |
	some line in split(text, "\n")
	tokens := [token | some token in split(replace(trim_space(line), "\t", " "), " "); token != ""]
	count(tokens) > 0
	not startswith(tokens[0], "#")
]

# [index, data key, directives] for every ConfigMap value that is a Squid configuration.
squid_configs contains [i, key, found] if {
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:ConfigMap"
	some key, text in object.get(resource.props, "data", {})
	is_string(text)
	contains(text, "http_access")
	found := directives(text)
	some port in found
	port[0] == "http_port"
	some access in found
	access[0] == "http_access"
}

# Indexes of the workloads that run a Squid configuration (mount its ConfigMap): the egress proxies.
proxy_workloads contains w if {
	some [c, _, _] in squid_configs
	some [w, _] in gateway.mounting_workloads(c)
}

# Namespaces with an egress proxy.
proxied_namespaces contains namespace if {
	some w, resource in input.resources
	w in proxy_workloads
	namespace := lib.namespace_of(resource)
}

# [index, pointer, labels] of the pod templates of every workload that is not an egress proxy.
client_pods contains [i, pointer, object.get(metadata, "labels", {})] if {
	some [i, pointer, _, metadata] in lib.pod_templates_found
	not i in proxy_workloads
}

# Labels of the egress proxies' pods in `namespace`.
proxy_labels(namespace) := {object.get(metadata, "labels", {}) |
	some [i, _, _, metadata] in lib.pod_templates_found
	i in proxy_workloads
	lib.namespace_of(input.resources[i]) == namespace
}

# Does a NetworkPolicy govern egress? As the API server defaults policyTypes: Egress when listed,
# or, without policyTypes, when the policy has egress rules.
governs_egress(policy) if "Egress" in object.get(policy.props, ["spec", "policyTypes"], [])

governs_egress(policy) if {
	not policy.props.spec.policyTypes
	count(object.get(policy.props, ["spec", "egress"], [])) > 0
}

# The spec's allowlist in Squid's and Network Firewall's form: `*.example.com` → `.example.com`.
spec_domains contains allowlist_domain(host) if {
	some host in object.get(input.spec, ["spec", "network", "egress", "allowlist"], [])
}

allowlist_domain(host) := concat("", [".", substring(host, 2, -1)]) if startswith(host, "*.")

allowlist_domain(host) := host if not startswith(host, "*.")

# A CONNECT-only configuration: its first http_access line denies every request but CONNECT, so
# what crosses the proxy is the client's own end-to-end TLS (only the CONNECT line is plain).
connect_only(found) if {
	accesses := [line | some line in found; line[0] == "http_access"]
	accesses[0] == ["http_access", "deny", "!CONNECT"]
}

# Indexes of the egress proxies whose configuration is CONNECT-only.
tunnel_proxy_workloads contains w if {
	some [c, _, found] in squid_configs
	connect_only(found)
	some [w, _] in gateway.mounting_workloads(c)
}

# Does the Service at index `s` select only CONNECT-only egress proxies (and at least one)?
fronts_tunnel_proxy(s) if {
	service := input.resources[s]
	selected := {w |
		some [w, _, _, metadata] in lib.pod_templates_found
		lib.namespace_of(input.resources[w]) == lib.namespace_of(service)
		gateway.selects(s, {"metadata": metadata})
	}
	count(selected) > 0
	every w in selected { w in tunnel_proxy_workloads }
}
