# METADATA
# title: No plain-text Service port in front of the gateway when the spec declares TLS in transit
# description: >-
#   With privacy.encryption.inTransit.tls, every Service that selects the gateway's pods (the
#   workload that mounts the LiteLLM configuration) must speak TLS on every port: an
#   appProtocol from data.yaml tls_app_protocols, or a load-balancer certificate covering the
#   port. A plain port carries the master key and every prompt in clear text.
# scope: package
# custom:
#   id: LLM-CTRL-005
#   severity: high
#   remediation: >-
#     Terminate TLS in front of the gateway (the llmops Gateway component's edge proxy with a
#     cert-manager certificate) and expose only that port, with appProtocol: https.
#   frameworks:
#     owasp-llm-2025: ["LLM02:2025"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Information Security", "Data Privacy"]
#     nsa-cisa-k8s: ["Network separation: Encryption"]
package llmops.runtime.controls.transit_tls

import data.llmops.lib.edge
import data.llmops.lib.gateway
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-CTRL-005", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(s)), "/spec/ports/", format_int(p, 10)]), "resource": service.urn} if {
	input.spec.spec.privacy.encryption.inTransit.tls == true
	some [c, _, _] in gateway.litellm_configs
	some [_, template] in gateway.mounting_workloads(c)
	some s, service in input.resources
	service.type == "kubernetes:core/v1:Service"
	lib.namespace_of(service) == lib.namespace_of(input.resources[c])
	gateway.selects(s, template)
	some p, port in object.get(service.props, ["spec", "ports"], [])
	not edge.tls_port(service, port)
	msg := sprintf("Service %s port %v reaches the gateway in plain text, though the spec declares TLS in transit", [service.props.metadata.name, object.get(port, "port", "?")])
}
