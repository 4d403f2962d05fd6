# METADATA
# title: Inference is not open to the whole internet
# description: >-
#   A public inference endpoint must be limited to named CIDRs, never to ranges that together
#   admit the internet (0.0.0.0/0, or 0.0.0.0/1 + 128.0.0.0/1, or ::/0); internal audiences
#   get no public ingress at all.
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

import data.llmops.lib.cidr

deny contains {"id": "LLM-NET-001", "msg": "public inference ingress is on without a CIDR allowlist", "path": "/spec/network/publicIngress/allowedCidrs"} if {
	input.spec.network.publicIngress.inference == true
	count(input.spec.network.publicIngress.allowedCidrs) == 0
}

deny contains {"id": "LLM-NET-001", "msg": msg, "path": "/spec/network/publicIngress/allowedCidrs"} if {
	input.spec.network.publicIngress.inference == true
	ranges := input.spec.network.publicIngress.allowedCidrs
	cidr.open_to_internet(ranges)
	msg := sprintf("public inference ingress admits the internet through %s", [concat(", ", cidr.public_ranges(ranges))])
}

deny contains {"id": "LLM-NET-001", "msg": "an internal-audience stack exposes inference publicly", "path": "/spec/network/publicIngress/inference"} if {
	input.spec.network.publicIngress.inference == true
	input.spec.useCase.audience == "internal"
}
