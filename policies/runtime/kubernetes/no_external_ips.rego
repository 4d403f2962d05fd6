# METADATA
# title: Services set no externalIPs
# description: >-
#   spec.externalIPs makes every node forward traffic for those addresses to the Service, so
#   whoever may create a Service can intercept traffic to any IP (CVE-2020-8554) and exposes
#   the model server outside every load balancer and its TLS.
# scope: package
# custom:
#   id: LLM-K8S-045
#   severity: high
#   remediation: >-
#     Remove spec.externalIPs; expose the Service through the gateway's Ingress or an internal
#     LoadBalancer, and block externalIPs cluster-wide with an admission policy.
#   frameworks:
#     nsa-cisa-k8s: ["Network separation: Network policies"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.runtime.kubernetes.no_external_ips

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-045", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/spec/externalIPs"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:Service"
	count(object.get(resource.props, ["spec", "externalIPs"], [])) > 0
	msg := concat("", ["Service ", lib.text(object.get(resource.props, ["metadata", "name"], resource.name)), " sets externalIPs"])
}
