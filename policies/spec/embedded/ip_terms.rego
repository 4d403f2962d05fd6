# METADATA
# title: IP and liability terms with the vendor are recorded
# description: >-
#   Generated content can infringe; the contract terms for IP ownership and indemnity must be
#   known.
# scope: package
# custom:
#   id: LLM-EMB-002
#   severity: medium
#   remediation: >-
#     Set spec.embedded.ipTerms to the contract reference.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 6.1", "MAP 4.1"]
#     nist-ai-600-1: ["Intellectual Property"]
#     iso-42001: ["A.10.3"]
package llmops.spec.embedded.ip_terms

deny contains {"id": "LLM-EMB-002", "msg": "IP and liability terms with the vendor are not recorded", "path": "/spec/embedded"} if {
	input.spec.pattern == "embedded"
	not input.spec.embedded.ipTerms
}
