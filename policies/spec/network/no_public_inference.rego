# METADATA
# title: Inference is not open to the whole internet
# description: >-
#   A public inference endpoint must be limited to named CIDRs and never to 0.0.0.0/0;
#   internal audiences get no public ingress at all.
# scope: package
# custom:
#   id: LLM-NET-001
#   severity: critical
#   remediation: >-
#     Turn spec.network.publicIngress.inference off, or list specific CIDRs in allowedCidrs
#     (never 0.0.0.0/0).
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Information Security"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.spec.network.no_public_inference

deny contains {"id": "LLM-NET-001", "msg": "public inference ingress is on without a CIDR allowlist", "path": "/spec/network/publicIngress/allowedCidrs"} if {
	input.spec.network.publicIngress.inference == true
	count(input.spec.network.publicIngress.allowedCidrs) == 0
}

deny contains {"id": "LLM-NET-001", "msg": "public inference ingress allows the whole internet (0.0.0.0/0)", "path": sprintf("/spec/network/publicIngress/allowedCidrs/%d", [i])} if {
	input.spec.network.publicIngress.inference == true
	some i, cidr in input.spec.network.publicIngress.allowedCidrs
	endswith(cidr, "/0")
}

deny contains {"id": "LLM-NET-001", "msg": "an internal-audience stack exposes inference publicly", "path": "/spec/network/publicIngress/inference"} if {
	input.spec.network.publicIngress.inference == true
	input.spec.useCase.audience == "internal"
}
