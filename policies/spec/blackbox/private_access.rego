# METADATA
# title: The API is reached through a private endpoint or a proxy
# description: >-
#   Calling a hosted LLM API straight over the internet bypasses egress control, logging and
#   redaction.
# scope: package
# custom:
#   id: LLM-BBX-002
#   severity: high
#   remediation: >-
#     Set spec.blackBoxApi.access to privateEndpoint or proxy.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Information Security"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.spec.blackbox.private_access

deny contains {"id": "LLM-BBX-002", "msg": "the API is reached over the public internet", "path": "/spec/blackBoxApi/access"} if {
	input.spec.blackBoxApi.access == "public"
}
