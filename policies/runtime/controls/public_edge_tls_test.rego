package llmops.runtime.controls.public_edge_tls_test

import data.llmops.lib.testing
import data.llmops.runtime.controls.public_edge_tls as check
import data.llmops.runtime_fixtures_test as fx

cert := "arn:aws:acm:eu-west-1:123456789012:certificate/3f1c2a9e-8b7d-4e6f-9a0b-1c2d3e4f5a6b"

lb(annotations, ports) := object.union(fx.service({"type": "LoadBalancer", "loadBalancerSourceRanges": ["198.51.100.0/24"], "ports": ports}), {"props": {"metadata": {"annotations": annotations}}})

ingress(spec, annotations) := object.union(fx.k8s("kubernetes:networking.k8s.io/v1:Ingress", "Ingress", {"spec": spec}), {"props": {"metadata": {"annotations": annotations}}})

gateway(listeners, infrastructure) := fx.k8s("kubernetes:gateway.networking.k8s.io/v1:Gateway", "Gateway", {"metadata": {"name": "edge"}, "spec": object.union({"gatewayClassName": "aws-lb", "listeners": listeners}, infrastructure)})

https_listener := {"name": "https", "port": 443, "protocol": "HTTPS", "tls": {"mode": "Terminate", "certificateRefs": [{"name": "edge-tls"}]}}

http_listener := {"name": "http", "port": 80, "protocol": "HTTP"}

http_route(name, parent, rules) := object.union(fx.k8s("kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", "HTTPRoute", {"metadata": {"name": name}, "spec": {"parentRefs": [parent], "rules": rules}}), {"urn": sprintf("urn:test::route::%s", [name])})

redirect_rule := {"filters": [{"type": "RequestRedirect", "requestRedirect": {"scheme": "https", "statusCode": 301}}]}

backend_rule := {"backendRefs": [{"name": "gateway", "port": 443}]}

rule(host) := {"host": host, "http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "gateway", "port": {"number": 443}}}}]}}

denied_cases := {
	"plain TCP load balancer": {"input": fx.doc([lb({}, [{"name": "http", "port": 4000}])]), "path": "/resources/0/props/spec/ports/0"},
	"certificate on another port": {"input": fx.doc([lb({"service.beta.kubernetes.io/aws-load-balancer-ssl-cert": cert, "service.beta.kubernetes.io/aws-load-balancer-ssl-ports": "443"}, [{"name": "https", "port": 443}, {"name": "http", "port": 80}])]), "path": "/resources/0/props/spec/ports/1"},
	"port named https without TLS": {"input": fx.doc([lb({}, [{"name": "https", "port": 443}])]), "path": "/resources/0/props/spec/ports/0"},
	"ingress without tls": {"input": fx.doc([ingress({"rules": [rule("chat.example.com")]}, {})]), "path": "/resources/0/props/spec"},
	"ALB certificate with an HTTP listener on 443": {"input": fx.doc([ingress({"rules": [rule("chat.example.com")]}, {"alb.ingress.kubernetes.io/certificate-arn": cert, "alb.ingress.kubernetes.io/listen-ports": "[{\"HTTP\":443}]"})]), "path": "/resources/0/props/spec"},
	"ALB tls section beside an HTTP listener": {"input": fx.doc([ingress({"rules": [rule("chat.example.com")], "tls": [{"hosts": ["chat.example.com"]}]}, {"alb.ingress.kubernetes.io/listen-ports": "[{\"HTTPS\":443},{\"HTTP\":80}]"})]), "path": "/resources/0/props/spec"},
	"nginx told not to redirect": {"input": fx.doc([ingress({"rules": [rule("chat.example.com")], "tls": [{"hosts": ["chat.example.com"], "secretName": "t"}]}, {"nginx.ingress.kubernetes.io/ssl-redirect": "false"})]), "path": "/resources/0/props/spec"},
	"wildcard covers one label only": {"input": fx.doc([ingress({"rules": [rule("a.chat.example.com")], "tls": [{"hosts": ["*.example.com"], "secretName": "t"}]}, {})]), "path": "/resources/0/props/spec"},
	"Gateway HTTP listener serving a route": {"input": fx.doc([gateway([http_listener], {}), http_route("chat", {"name": "edge", "sectionName": "http"}, [backend_rule])]), "path": "/resources/0/props/spec/listeners/0"},
	"Gateway HTTP listener with no route in view": {"input": fx.doc([gateway([https_listener, http_listener], {})]), "path": "/resources/0/props/spec/listeners/1"},
	"Gateway redirect beside a plain rule": {"input": fx.doc([gateway([http_listener], {}), http_route("r", {"name": "edge"}, [redirect_rule, backend_rule])]), "path": "/resources/0/props/spec/listeners/0"},
	"Gateway TCP listener": {"input": fx.doc([gateway([{"name": "raw", "port": 4000, "protocol": "TCP"}], {})]), "path": "/resources/0/props/spec/listeners/0"},
	"Gateway redirect route attached to another Gateway": {"input": fx.doc([gateway([http_listener], {}), http_route("r", {"name": "other"}, [redirect_rule])]), "path": "/resources/0/props/spec/listeners/0"},
	"ingress tls for another host": {"input": fx.doc([ingress({"rules": [rule("chat.example.com"), rule("api.example.com")], "tls": [{"hosts": ["chat.example.com"], "secretName": "t"}]}, {})]), "path": "/resources/0/props/spec"},
}

allowed_cases := {
	"NLB TLS listener": fx.doc([lb({"service.beta.kubernetes.io/aws-load-balancer-ssl-cert": cert, "service.beta.kubernetes.io/aws-load-balancer-ssl-ports": "https"}, [{"name": "https", "port": 443}])]),
	"certificate on every port": fx.doc([lb({"service.beta.kubernetes.io/aws-load-balancer-ssl-cert": cert}, [{"name": "a", "port": 443}, {"name": "b", "port": 8443}])]),
	"TLS passed through to the pods": fx.doc([lb({}, [{"name": "h", "port": 443, "appProtocol": "https"}])]),
	"internal load balancer": fx.doc([lb({"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal"}, [{"name": "http", "port": 4000}])]),
	"internal ALB ingress": fx.doc([ingress({"rules": [rule("chat.internal.example.com")]}, {"alb.ingress.kubernetes.io/scheme": "internal"})]),
	"cluster ip": fx.doc([fx.service({"type": "ClusterIP", "ports": [{"port": 80}]})]),
	"ingress with tls": fx.doc([ingress({"rules": [rule("chat.example.com")], "tls": [{"hosts": ["chat.example.com"], "secretName": "t"}]}, {"cert-manager.io/cluster-issuer": "letsencrypt"})]),
	"ALB HTTP listener redirected to HTTPS": fx.doc([ingress({"rules": [rule("chat.example.com")]}, {"alb.ingress.kubernetes.io/certificate-arn": cert, "alb.ingress.kubernetes.io/listen-ports": "[{\"HTTP\":80},{\"HTTPS\":443}]", "alb.ingress.kubernetes.io/ssl-redirect": "443"})]),
	"ALB HTTPS listener only": fx.doc([ingress({"rules": [rule("chat.example.com")]}, {"alb.ingress.kubernetes.io/certificate-arn": cert, "alb.ingress.kubernetes.io/listen-ports": "[{\"HTTPS\":443}]"})]),
	"nginx forced redirect": fx.doc([ingress({"rules": [rule("chat.example.com")], "tls": [{"hosts": ["chat.example.com"], "secretName": "t"}]}, {"nginx.ingress.kubernetes.io/ssl-redirect": "false", "nginx.ingress.kubernetes.io/force-ssl-redirect": "true"})]),
	"wildcard certificate": fx.doc([ingress({"rules": [rule("chat.example.com"), rule("api.example.com")], "tls": [{"hosts": ["*.example.com"], "secretName": "t"}]}, {})]),
	"Gateway HTTPS listener only": fx.doc([gateway([https_listener], {})]),
	"Gateway HTTP listener that only redirects": fx.doc([gateway([https_listener, http_listener], {}), http_route("redirect", {"name": "edge", "sectionName": "http"}, [redirect_rule]), http_route("chat", {"name": "edge", "sectionName": "https"}, [backend_rule])]),
	"Gateway TLS passthrough": fx.doc([gateway([{"name": "tls", "port": 443, "protocol": "TLS", "tls": {"mode": "Passthrough"}}], {})]),
	"internal Gateway through its infrastructure annotations": fx.doc([gateway([http_listener], {"infrastructure": {"annotations": {"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal"}}})]),
	"ALB ingress with a certificate": fx.doc([ingress({"rules": [rule("chat.example.com")]}, {"alb.ingress.kubernetes.io/certificate-arn": cert})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-006", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
