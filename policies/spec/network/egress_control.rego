# METADATA
# title: Outbound traffic is denied or allowlisted
# description: >-
#   Open egress lets a compromised model server or agent exfiltrate data; black-box APIs must
#   be reached through an allowlist, a proxy or a private endpoint.
# scope: package
# custom:
#   id: LLM-NET-004
#   severity: high
#   remediation: >-
#     Set spec.network.egress.mode to none or allowlist, and list the API hosts in
#     egress.allowlist.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Information Security", "Data Privacy"]
#     owasp-llm-2025: ["LLM02:2025", "LLM06:2025"]
package llmops.spec.network.egress_control

deny contains {"id": "LLM-NET-004", "msg": "egress is open to the internet", "path": "/spec/network/egress/mode"} if {
	input.spec.network.egress.mode == "open"
}

deny contains {"id": "LLM-NET-004", "msg": "egress mode is allowlist but the allowlist is empty", "path": "/spec/network/egress/allowlist"} if {
	input.spec.network.egress.mode == "allowlist"
	count(input.spec.network.egress.allowlist) == 0
}

deny contains {"id": "LLM-NET-004", "msg": "the black-box API is reached through a proxy but egress has no allowlist", "path": "/spec/network/egress"} if {
	input.spec.blackBoxApi.access == "proxy"
	input.spec.network.egress.mode != "allowlist"
}
