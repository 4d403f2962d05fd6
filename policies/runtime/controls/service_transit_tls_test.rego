package llmops.runtime.controls.service_transit_tls_test

import data.llmops.controls_fixtures_test as cx
import data.llmops.lib.testing
import data.llmops.runtime.controls.service_transit_tls as check
import data.llmops.runtime_fixtures_test as fx

http_port := {"name": "http", "port": 8000, "targetPort": "http"}

https_port := {"name": "https", "port": 8000, "targetPort": "http", "appProtocol": "https"}

tls_port := {"name": "valkey", "port": 6379, "targetPort": "valkey", "appProtocol": "TLS"}

# A model server with labels of its own (nothing llmops-specific), in namespace ns.
server := fx.labelled(fx.deployment(fx.good_pod), {"app": "model-server", "tier": "inference"})

service(selector, ports) := object.union(fx.service({"type": "ClusterIP", "selector": selector, "ports": ports}), {"urn": "urn:test::svc::model", "props": {"metadata": {"name": "model"}}})

in_namespace(resource, namespace) := object.union(resource, {"props": {"metadata": {"namespace": namespace}}})

tls_spec := {"privacy": {"encryption": {"inTransit": {"tls": true}}}}

doc(resources) := {"resources": resources, "spec": {"metadata": {"name": "ns"}, "spec": tls_spec}}

# A forward proxy known by the Squid configuration it mounts, and the Service in front of it.
squid(first_access) := {"urn": "urn:test::cm::squid", "type": "kubernetes:core/v1:ConfigMap", "name": "squid", "props": {
	"metadata": {"name": "squid", "namespace": "ns"},
	"data": {"squid.conf": concat("\n", ["http_port 3128", "acl ok dstdomain -n login.example.com", first_access, "http_access allow CONNECT ok", "http_access deny all"])},
}}

forward_proxy := object.union(fx.labelled(fx.deployment(object.union(fx.good_pod, {"volumes": [{"name": "c", "configMap": {"name": "squid"}}]})), {"app": "forward"}), {"urn": "urn:test::deploy::forward"})

proxy_port := {"name": "proxy", "port": 3128, "targetPort": "proxy"}

denied_cases := {
	"a forward proxy that also relays plain HTTP": {"input": doc([squid("http_access allow ok"), forward_proxy, service({"app": "forward"}, [proxy_port])]), "path": "/resources/2/props/spec/ports/0"},
	"plain port on the model server's Service": {"input": doc([server, service({"app": "model-server"}, [http_port])]), "path": "/resources/1/props/spec/ports/0"},
	"plain port beside a TLS one": {"input": doc([server, service({"app": "model-server"}, [https_port, http_port])]), "path": "/resources/1/props/spec/ports/1"},
	"selector a subset of the pod labels": {"input": doc([server, service({"tier": "inference"}, [http_port])]), "path": "/resources/1/props/spec/ports/0"},
	"namespace named by spec.target.kubernetes.namespace": {
		"input": {
			"resources": [in_namespace(server, "serving"), in_namespace(service({"app": "model-server"}, [http_port]), "serving")],
			"spec": {"metadata": {"name": "other"}, "spec": object.union(tls_spec, {"target": {"kubernetes": {"namespace": "serving"}}})},
		},
		"path": "/resources/1/props/spec/ports/0",
	},
	"namespace where the gateway configuration runs": {
		"input": {"resources": [cx.gateway_config(cx.config), server, service({"app": "model-server"}, [http_port])], "spec": {"metadata": {"name": "other"}, "spec": tls_spec}},
		"path": "/resources/2/props/spec/ports/0",
	},
	"a StatefulSet's headless Service": {
		"input": doc([
			object.union(fx.k8s("kubernetes:apps/v1:StatefulSet", "StatefulSet", {"spec": {"template": {"metadata": {"labels": {"db": "vectors"}}, "spec": fx.good_pod}}}), {"urn": "urn:test::sts::db"}),
			service({"db": "vectors"}, [{"name": "db", "port": 6333, "targetPort": 6333}]),
		]),
		"path": "/resources/1/props/spec/ports/0",
	},
}

allowed_cases := {
	"a CONNECT-only forward proxy (the tunnels carry the clients' TLS)": doc([squid("http_access deny !CONNECT"), forward_proxy, service({"app": "forward"}, [proxy_port])]),
	"TLS on every port": doc([server, service({"app": "model-server"}, [https_port, tls_port])]),
	"load-balancer certificate on the port": doc([server, object.union(service({"app": "model-server"}, [http_port]), {"props": {"metadata": {"annotations": {"service.beta.kubernetes.io/aws-load-balancer-ssl-cert": "arn:aws:acm:eu-west-1:111122223333:certificate/x"}}}})]),
	"TLS not declared": {"resources": [server, service({"app": "model-server"}, [http_port])], "spec": {"metadata": {"name": "ns"}, "spec": {"privacy": {"encryption": {"inTransit": {"tls": false}}}}}},
	"no spec supplied": {"resources": [server, service({"app": "model-server"}, [http_port])]},
	"another namespace": doc([in_namespace(server, "elsewhere"), in_namespace(service({"app": "model-server"}, [http_port]), "elsewhere")]),
	"selector matching no pod": doc([server, service({"app": "model-server", "tier": "batch"}, [http_port])]),
	"pods of the same labels in another namespace only": doc([in_namespace(server, "elsewhere"), service({"app": "model-server"}, [http_port])]),
	"Service without a selector": doc([server, service({}, [http_port])]),
	"Service in front of the gateway (LLM-CTRL-005 judges it)": {"resources": cx.with_resource(3, cx.service([http_port])), "spec": {"metadata": {"name": "ns"}, "spec": cx.spec}},
	"the gateway as built": {"resources": cx.built, "spec": {"metadata": {"name": "ns"}, "spec": cx.spec}},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-010", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
