# METADATA
# title: A public load balancer, Ingress or Gateway listener terminates TLS
# description: >-
#   An internet-facing LoadBalancer Service whose port has neither a load-balancer certificate
#   nor a TLS appProtocol, or an Ingress with a host not covered by its tls section (and no
#   ALB certificate), carries credentials and prompts across the internet in clear text.
#   A Gateway API Gateway listener on HTTP, TCP or UDP does the same, unless it is an HTTP
#   listener whose routes only redirect to https. Source ranges do not change that: the traffic
#   still crosses the internet.
# scope: package
# custom:
#   id: LLM-CTRL-006
#   severity: critical
#   remediation: >-
#     Terminate TLS at the edge: an NLB TLS listener (aws-load-balancer-ssl-cert and ssl-ports
#     annotations), an Ingress tls section with a cert-manager Certificate or a named Secret, or
#     a Gateway HTTPS/TLS listener with certificateRefs (plain HTTP listeners only redirect).
#   frameworks:
#     owasp-llm-2025: ["LLM02:2025"]
#     nist-ai-600-1: ["Information Security"]
#     nsa-cisa-k8s: ["Network separation: Encryption"]
package llmops.runtime.controls.public_edge_tls

import data.llmops.lib.edge
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-CTRL-006", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/spec/ports/", format_int(p, 10)]), "resource": service.urn} if {
	some i, service in input.resources
	service.type == "kubernetes:core/v1:Service"
	service.props.spec.type == "LoadBalancer"
	not edge.internal_load_balancer(service)
	some p, port in object.get(service.props.spec, "ports", [])
	not edge.tls_port(service, port)
	msg := sprintf("public LoadBalancer Service %s serves port %v without TLS termination", [service.props.metadata.name, object.get(port, "port", "?")])
}

deny contains {"id": "LLM-CTRL-006", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/spec"]), "resource": ingress.urn} if {
	some i, ingress in input.resources
	ingress.type in {"kubernetes:networking.k8s.io/v1:Ingress", "kubernetes:networking.k8s.io/v1beta1:Ingress", "kubernetes:extensions/v1beta1:Ingress"}
	not edge.internal_load_balancer(ingress)
	not edge.ingress_tls(ingress)
	msg := concat("", ["Ingress ", lib.text(ingress.props.metadata.name), " serves a host without TLS termination"])
}

deny contains {"id": "LLM-CTRL-006", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/spec/listeners/", format_int(l, 10)]), "resource": gateway.urn} if {
	some i, gateway in input.resources
	gateway.type in edge.gateway_types
	not edge.internal_gateway(gateway)
	some l, listener in object.get(gateway.props, ["spec", "listeners"], [])
	edge.plain_listener(listener)
	not edge.redirect_only_listener(gateway, listener)
	msg := sprintf("Gateway %s listener %v serves %v without TLS termination", [gateway.props.metadata.name, object.get(listener, "name", l), object.get(listener, "protocol", "?")])
}
