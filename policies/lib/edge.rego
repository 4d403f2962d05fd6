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

# ALB Ingress with a certificate (AWS Load Balancer Controller).
ingress_tls(ingress) if annotation(ingress, "alb.ingress.kubernetes.io/certificate-arn") != ""

ingress_tls(ingress) if {
	count(object.get(ingress.props, ["spec", "tls"], [])) > 0
	every host in ingress_hosts(ingress) { tls_host(ingress, host) }
}

ingress_hosts(ingress) := {object.get(rule, "host", "") | some rule in object.get(ingress.props, ["spec", "rules"], [])}

# A TLS entry without hosts covers the default server; a host is covered when listed.
tls_host(ingress, host) if {
	some entry in ingress.props.spec.tls
	host in object.get(entry, "hosts", [])
}

tls_host(ingress, "") if {
	some entry in ingress.props.spec.tls
	count(object.get(entry, "hosts", [])) == 0
}
