# METADATA
# title: No LoadBalancer Service is open to the internet
# description: >-
#   A LoadBalancer Service without source ranges exposes inference to the whole internet, as do
#   ranges that together cover the address space (0.0.0.0/1 beside 128.0.0.0/1, ::/0). The
#   source-ranges annotation counts when the spec field is empty; the internal-scheme annotations
#   of data.yaml (internal_load_balancer_annotations) keep a load balancer inside the network.
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
import data.llmops.lib.edge
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-013", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/spec"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:Service"
	resource.props.spec.type == "LoadBalancer"
	not edge.internal_load_balancer(resource)
	cidr.open_to_internet(source_ranges(resource))
	msg := concat("", ["Service ", lib.text(resource.props.metadata.name), " is a LoadBalancer open to the internet"])
}

# The ranges the cloud provider enforces: the spec field, or when it is empty the
# service.beta.kubernetes.io/load-balancer-source-ranges annotation (comma-separated), which
# Kubernetes reads in its place (k8s.io/cloud-provider service helpers, GetLoadBalancerSourceRanges);
# neither set means every address.
source_ranges(resource) := ranges if {
	ranges := object.get(resource.props.spec, "loadBalancerSourceRanges", [])
	count(ranges) > 0
}

source_ranges(resource) := ranges if {
	count(object.get(resource.props.spec, "loadBalancerSourceRanges", [])) == 0
	ranges := [trim_space(r) | some r in split(edge.annotation(resource, "service.beta.kubernetes.io/load-balancer-source-ranges"), ","); trim_space(r) != ""]
	count(ranges) > 0
}

source_ranges(resource) := ["0.0.0.0/0", "::/0"] if {
	count(object.get(resource.props.spec, "loadBalancerSourceRanges", [])) == 0
	count([r | some r in split(edge.annotation(resource, "service.beta.kubernetes.io/load-balancer-source-ranges"), ","); trim_space(r) != ""]) == 0
}
