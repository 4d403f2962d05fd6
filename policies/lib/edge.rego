# METADATA
# title: Shared helpers over the network edge
# description: >-
#   Whether a load balancer or Ingress is reachable from outside the cluster, and whether a
#   Service port or an Ingress terminates TLS.
# scope: package
package llmops.lib.edge

params := data.llmops.params

annotation(resource, name) := object.get(resource.props, ["metadata", "annotations", name], "")

# Annotations that keep a load balancer inside the network (AWS, GKE, Azure, OCI).
internal_load_balancer(service) if {
	some name, value in params.internal_load_balancer_annotations
	lower(annotation(service, name)) == lower(value)
}

# A Gateway API Gateway hands the same annotations to the load balancer it provisions through
# spec.infrastructure.annotations (Gateway API v1.1, GEP-1867), or carries them itself.
internal_gateway(gateway) if internal_load_balancer(gateway)

internal_gateway(gateway) if {
	some name, value in params.internal_load_balancer_annotations
	lower(object.get(gateway.props, ["spec", "infrastructure", "annotations", name], "")) == lower(value)
}

gateway_types := {"kubernetes:gateway.networking.k8s.io/v1:Gateway", "kubernetes:gateway.networking.k8s.io/v1beta1:Gateway"}

http_route_types := {"kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", "kubernetes:gateway.networking.k8s.io/v1beta1:HTTPRoute"}

# A Gateway listener that carries traffic in clear text: HTTP, or TCP/UDP passed on as is.
# HTTPS and TLS (terminated or passed through to a TLS backend) are not plain.
plain_listener(listener) if upper(object.get(listener, "protocol", "")) in {"HTTP", "TCP", "UDP"}

# An HTTP listener whose attached routes (at least one, in the input) only redirect to https,
# the Gateway API form of "port 80 redirects" (HTTPRoute RequestRedirect filter, scheme https).
redirect_only_listener(gateway, listener) if {
	upper(listener.protocol) == "HTTP"
	routes := [route | some route in input.resources; route.type in http_route_types; attached(route, gateway, listener)]
	count(routes) > 0
	every route in routes {
		every rule in object.get(route.props, ["spec", "rules"], [{}]) {
			https_redirect(rule)
		}
	}
}

https_redirect(rule) if {
	some filter in object.get(rule, "filters", [])
	filter.type == "RequestRedirect"
	lower(object.get(filter, ["requestRedirect", "scheme"], "")) == "https"
}

# A route attaches to a listener through a parentRef naming the Gateway (same namespace unless
# the ref says another) and, when given, the listener's sectionName or port.
attached(route, gateway, listener) if {
	some ref in object.get(route.props, ["spec", "parentRefs"], [])
	object.get(ref, "kind", "Gateway") == "Gateway"
	ref.name == gateway.props.metadata.name
	object.get(ref, "namespace", namespace(route)) == namespace(gateway)
	object.get(ref, "sectionName", listener.name) == listener.name
	object.get(ref, "port", listener.port) == listener.port
}

namespace(resource) := object.get(resource.props, ["metadata", "namespace"], "default")

# AWS load balancer TLS listener: a certificate, on every port unless ssl-ports names some.
lb_certificate_covers(service, port) if {
	annotation(service, "service.beta.kubernetes.io/aws-load-balancer-ssl-cert") != ""
	ssl_ports_cover(annotation(service, "service.beta.kubernetes.io/aws-load-balancer-ssl-ports"), port)
}

ssl_ports_cover("", _)

ssl_ports_cover("*", _)

ssl_ports_cover(ports, port) if {
	some listed in split(ports, ",")
	trim_space(listed) in {format_int(object.get(port, "port", -1), 10), object.get(port, "name", "")}
}

# A Service port that speaks TLS end to end or terminates it at the load balancer.
tls_port(_, port) if lower(object.get(port, "appProtocol", "")) in params.tls_app_protocols

tls_port(service, port) if lb_certificate_covers(service, port)

# ALB Ingress with a certificate (AWS Load Balancer Controller), unless a listener still serves
# plain HTTP.
ingress_tls(ingress) if {
	annotation(ingress, "alb.ingress.kubernetes.io/certificate-arn") != ""
	not plaintext_listener(ingress)
}

ingress_tls(ingress) if {
	count(object.get(ingress.props, ["spec", "tls"], [])) > 0
	not plaintext_listener(ingress)
	every host in ingress_hosts(ingress) { tls_host(ingress, host) }
}

# A listener that serves plain HTTP beside the certificate:
# - an AWS Load Balancer Controller listen-ports entry for HTTP (even on port 443) when
#   ssl-redirect does not send HTTP listeners to HTTPS (the controller's annotation reference;
#   kubernetes-sigs/aws-load-balancer-controller#1957: '[{"HTTP":443}]' beside a certificate
#   attaches no certificate at all);
# - ingress-nginx told not to redirect (ssl-redirect "false") without force-ssl-redirect.
plaintext_listener(ingress) if {
	annotation(ingress, "alb.ingress.kubernetes.io/ssl-redirect") == ""
	some listener in alb_listen_ports(ingress)
	some protocol, _ in listener
	upper(protocol) == "HTTP"
}

plaintext_listener(ingress) if {
	lower(annotation(ingress, "nginx.ingress.kubernetes.io/ssl-redirect")) == "false"
	lower(annotation(ingress, "nginx.ingress.kubernetes.io/force-ssl-redirect")) != "true"
}

alb_listen_ports(ingress) := [listener |
	text := annotation(ingress, "alb.ingress.kubernetes.io/listen-ports")
	json.is_valid(text)
	some listener in json.unmarshal(text)
	is_object(listener)
]

ingress_hosts(ingress) := {object.get(rule, "host", "") | some rule in object.get(ingress.props, ["spec", "rules"], [])}

# A TLS entry without hosts covers the default server; a host is covered when listed.
tls_host(ingress, host) if {
	some entry in ingress.props.spec.tls
	host in object.get(entry, "hosts", [])
}

# A wildcard certificate host covers one label: *.example.com covers chat.example.com.
tls_host(ingress, host) if {
	some entry in ingress.props.spec.tls
	some pattern in object.get(entry, "hosts", [])
	startswith(pattern, "*.")
	labels := split(host, ".")
	count(labels) > 2
	concat(".", array.slice(labels, 1, count(labels))) == substring(pattern, 2, -1)
}

tls_host(ingress, "") if {
	some entry in ingress.props.spec.tls
	count(object.get(entry, "hosts", [])) == 0
}
