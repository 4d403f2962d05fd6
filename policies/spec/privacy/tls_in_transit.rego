# METADATA
# title: Traffic is encrypted in transit with TLS 1.2 or later
# description: >-
#   Prompts and responses cross the network between gateway, model server and vector store;
#   all of it must be TLS.
# scope: package
# custom:
#   id: LLM-PRIV-002
#   severity: high
#   remediation: >-
#     Set spec.privacy.encryption.inTransit.tls to true (the default).
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy"]
#     eu-ai-act: ["Art. 15"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.spec.privacy.tls_in_transit

deny contains {"id": "LLM-PRIV-002", "msg": "TLS in transit is turned off", "path": "/spec/privacy/encryption/inTransit/tls"} if {
	input.spec.privacy.encryption.inTransit.tls == false
}
