# METADATA
# title: No training on user data without recorded consent
# description: >-
#   Using prompts or feedback to train models requires the users' consent, recorded where it
#   can be audited.
# scope: package
# custom:
#   id: LLM-PRIV-007
#   severity: high
#   remediation: >-
#     Set spec.privacy.trainingOnUserData.allowed to false, or record where consent is kept in
#     consentRecord.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.spec.privacy.training_consent

deny contains {"id": "LLM-PRIV-007", "msg": "training on user data is allowed but no consent record is given", "path": "/spec/privacy/trainingOnUserData"} if {
	input.spec.privacy.trainingOnUserData.allowed == true
	not input.spec.privacy.trainingOnUserData.consentRecord
}
