# METADATA
# title: A public cluster API endpoint is CIDR-restricted
# description: >-
#   The Kubernetes API is private by default; if made public it must be limited to named
#   CIDRs.
# scope: package
# custom:
#   id: LLM-NET-005
#   severity: high
#   remediation: >-
#     Set spec.network.clusterEndpoint.public to false, or list specific publicCidrs (never
#     0.0.0.0/0).
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Information Security"]
package llmops.spec.network.cluster_endpoint

import data.llmops.lib.cidr

deny contains {"id": "LLM-NET-005", "msg": "the cluster API endpoint is public without a CIDR allowlist", "path": "/spec/network/clusterEndpoint/publicCidrs"} if {
	input.spec.network.clusterEndpoint.public == true
	count(input.spec.network.clusterEndpoint.publicCidrs) == 0
}

deny contains {"id": "LLM-NET-005", "msg": msg, "path": "/spec/network/clusterEndpoint/publicCidrs"} if {
	input.spec.network.clusterEndpoint.public == true
	ranges := input.spec.network.clusterEndpoint.publicCidrs
	cidr.open_to_internet(ranges)
	msg := sprintf("the cluster API endpoint admits the internet through %s", [concat(", ", cidr.public_ranges(ranges))])
}
