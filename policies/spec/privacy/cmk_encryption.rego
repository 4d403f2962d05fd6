# METADATA
# title: Data at rest is encrypted with customer-managed keys
# description: >-
#   Prompts, embeddings, feedback, audit logs and model artifacts must be encrypted with keys
#   the organisation controls, so access can be revoked and audited.
# scope: package
# custom:
#   id: LLM-PRIV-001
#   severity: high
#   remediation: >-
#     Set spec.privacy.encryption.atRest to customerManagedKey (the default) and keep key
#     rotation on.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy", "Information Security"]
#     eu-ai-act: ["Art. 15"]
package llmops.spec.privacy.cmk_encryption

deny contains {"id": "LLM-PRIV-001", "msg": msg, "path": "/spec/privacy/encryption/atRest"} if {
	mode := input.spec.privacy.encryption.atRest
	mode != "customerManagedKey"
	msg := sprintf("data at rest uses %s; customer-managed KMS keys are required", [mode])
}
