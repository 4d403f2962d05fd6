# METADATA
# title: The egress proxy allows only the spec's allowlist
# description: >-
#   With network.egress.mode allowlist, the forward proxy the pods reach the internet through
#   (a workload mounting a Squid configuration) must allow no host name beyond
#   network.egress.allowlist: every `dstdomain` ACL entry is one of the spec's hosts (a `*.`
#   entry is Squid's leading-dot form, matching the domain and its subdomains, as on AWS Network
#   Firewall), and every `http_access allow` line is restricted by such an ACL. A domain that
#   the spec does not declare, an ACL read from a file the check cannot see, or an allow line
#   with no domain restriction lets the pods reach destinations the spec does not allow.
# scope: package
# custom:
#   id: LLM-CTRL-014
#   severity: high
#   remediation: >-
#     Generate the proxy's configuration from the spec (components/kubernetes/egress-proxy.ts
#     writes `acl allowlisted dstdomain -n` with exactly network.egress.allowlist and allows only
#     CONNECT to 443 of it), or add the host to network.egress.allowlist through review.
#   frameworks:
#     owasp-llm-2025: ["LLM02:2025", "LLM06:2025"]
#     nist-ai-600-1: ["Information Security", "Data Privacy"]
#     nsa-cisa-k8s: ["Network separation: Network policies"]
package llmops.runtime.controls.egress_proxy_allowlist

import data.llmops.lib.egress
import data.llmops.lib.gateway
import data.llmops.lib.runtime as lib

declared if input.spec.spec.network.egress.mode == "allowlist"

deny contains {"id": "LLM-CTRL-014", "msg": msg, "path": gateway.config_pointer(i, key), "resource": config_map.urn} if {
	declared
	some [i, key, found] in egress.squid_configs
	config_map := input.resources[i]
	some reason in widenings(found)
	name := object.get(config_map.props, ["metadata", "name"], config_map.name)
	msg := concat("", ["the egress proxy configuration ", lib.text(name), " ", reason, ", beyond the spec's network.egress.allowlist"])
}

# Names of the ACLs that restrict by destination host name (`acl NAME dstdomain ...`).
domain_acls(found) := {acl[1] | some acl in found; count(acl) > 2; acl[0] == "acl"; acl[2] == "dstdomain"}

# The values of the dstdomain ACLs (flags such as -n and -i left out).
acl_values(found) := {value |
	some acl in found
	count(acl) > 3
	acl[0] == "acl"
	acl[2] == "dstdomain"
	some value in array.slice(acl, 3, count(acl))
	not startswith(value, "-")
}

widenings(found) := ({concat("", ["allows ", lib.text(value)]) |
	some value in acl_values(found)
	not startswith(value, "\"")
	not value in egress.spec_domains
} | {concat("", ["reads allowed domains from ", lib.text(value), ", which the check cannot compare"]) |
	some value in acl_values(found)
	startswith(value, "\"")
}) | {concat("", ["allows requests with no host-name restriction (http_access ", lib.text(concat(" ", array.slice(line, 1, count(line)))), ")"]) |
	some line in found
	line[0] == "http_access"
	count(line) > 1
	line[1] == "allow"
	restricting := {name | some name in array.slice(line, 2, count(line)); name in domain_acls(found)}
	count(restricting) == 0
}
