# METADATA
# title: Customer-managed keys rotate automatically
# description: >-
#   Automatic yearly rotation of customer-managed keys limits the impact of a leaked key.
# scope: package
# custom:
#   id: LLM-PRIV-008
#   severity: medium
#   remediation: >-
#     Set spec.privacy.encryption.keyRotation to true.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Information Security"]
package llmops.spec.privacy.key_rotation

deny contains {"id": "LLM-PRIV-008", "msg": "key rotation is off for customer-managed keys", "path": "/spec/privacy/encryption/keyRotation"} if {
	input.spec.privacy.encryption.keyRotation == false
}
