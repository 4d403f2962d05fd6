# METADATA
# title: No LoadBalancer Service is open to the internet
# description: >-
#   A LoadBalancer Service without source ranges exposes inference to the whole internet.
# scope: package
# custom:
#   id: LLM-K8S-013
#   severity: critical
#   remediation: >-
#     Use a ClusterIP Service behind the gateway, or set loadBalancerSourceRanges to named CIDRs
#     (never 0.0.0.0/0).
#   frameworks:
#     nsa-cisa-k8s: ["Network separation: Network policies"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.runtime.kubernetes.no_public_load_balancer

import data.llmops.lib.cidr
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-013", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/spec"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:Service"
	resource.props.spec.type == "LoadBalancer"
	not internal_scheme(resource)
	open_ranges(resource)
	msg := concat("", ["Service ", lib.text(resource.props.metadata.name), " is a LoadBalancer open to the internet"])
}

open_ranges(resource) if count(object.get(resource.props.spec, "loadBalancerSourceRanges", [])) == 0

open_ranges(resource) if cidr.open_to_internet(resource.props.spec.loadBalancerSourceRanges)

internal_scheme(resource) if object.get(resource.props, ["metadata", "annotations", "service.beta.kubernetes.io/aws-load-balancer-scheme"], "") == "internal"

internal_scheme(resource) if object.get(resource.props, ["metadata", "annotations", "networking.gke.io/load-balancer-type"], "") == "Internal"
