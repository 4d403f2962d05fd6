# METADATA
# title: No plain-text Service port in front of the stack's workloads when the spec declares TLS in transit
# description: >-
#   With privacy.encryption.inTransit.tls, every Service in a namespace where the spec's stack
#   runs (spec.target.kubernetes.namespace, else metadata.name, and the namespace of any LLM
#   gateway configuration) that selects pods there (its selector is a subset of a pod template's
#   labels, whatever the labels are) must speak TLS on every port: an appProtocol from data.yaml
#   tls_app_protocols, or a load-balancer certificate covering the port. A plain port carries
#   prompts, answers, records or credentials between the stack's services in clear text. Services
#   in front of the gateway are LLM-CTRL-005's. A Service in front of a CONNECT-only egress proxy
#   only (a Squid configuration whose first http_access line denies all but CONNECT) is exempt:
#   each tunnel carries the client's own TLS end to end.
# scope: package
# custom:
#   id: LLM-CTRL-010
#   severity: high
#   remediation: >-
#     Serve TLS on the port (a cert-manager certificate from the namespace CA, the server's own TLS
#     flags or a TLS-terminating sidecar, as the llmops components build with inTransit.tls), set
#     appProtocol: https (or tls) on the Service port, and remove any plain port.
#   frameworks:
#     owasp-llm-2025: ["LLM02:2025"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Information Security"]
package llmops.runtime.controls.service_transit_tls

import data.llmops.lib.edge
import data.llmops.lib.egress
import data.llmops.lib.gateway
import data.llmops.lib.runtime as lib

# The namespaces the spec's stack runs in: its declared namespace (metadata.name by default), and
# wherever an LLM gateway configuration was deployed.
stack_namespaces contains object.get(input.spec, ["spec", "target", "kubernetes", "namespace"], input.spec.metadata.name)

stack_namespaces contains namespace if {
	some [c, _, _] in gateway.litellm_configs
	namespace := lib.namespace_of(input.resources[c])
}

# Pod template labels of every workload, by namespace.
template_labels contains [namespace, labels] if {
	some [w, _, _, metadata] in lib.pod_templates_found
	namespace := lib.namespace_of(input.resources[w])
	labels := object.get(metadata, "labels", {})
	is_object(labels)
}

# Kubernetes Service semantics: a non-empty selector selects the pods whose labels hold every pair.
selects_stack_pods(service) if {
	selector := object.get(service.props, ["spec", "selector"], {})
	is_object(selector)
	count(selector) > 0
	some [namespace, labels] in template_labels
	namespace == lib.namespace_of(service)
	every key, value in selector { labels[key] == value }
}

# Services in front of the gateway are judged by LLM-CTRL-005 (one finding per plain port).
fronts_gateway(s) if {
	some [c, _, _] in gateway.litellm_configs
	some [_, template] in gateway.mounting_workloads(c)
	gateway.selects(s, template)
}

deny contains {"id": "LLM-CTRL-010", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(s)), "/spec/ports/", format_int(p, 10)]), "resource": service.urn} if {
	input.spec.spec.privacy.encryption.inTransit.tls == true
	some s, service in input.resources
	service.type == "kubernetes:core/v1:Service"
	lib.namespace_of(service) in stack_namespaces
	selects_stack_pods(service)
	not fronts_gateway(s)
	not egress.fronts_tunnel_proxy(s)
	some p, port in object.get(service.props, ["spec", "ports"], [])
	not edge.tls_port(service, port)
	msg := sprintf(
		"Service %s/%s port %v reaches the stack's pods in plain text, though the spec declares TLS in transit",
		[lib.namespace_of(service), object.get(service.props, ["metadata", "name"], ""), object.get(port, "port", "?")],
	)
}
