# METADATA
# title: Logs are PII-redacted
# description: >-
#   Application and audit logs outlive conversations; personal data must be redacted from them
#   whenever the stack handles sensitive data.
# scope: package
# custom:
#   id: LLM-PRIV-004
#   severity: high
#   remediation: >-
#     Set spec.privacy.piiRedaction.logs to true.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.spec.privacy.pii_redaction_logs

import data.llmops.lib.spec

deny contains {"id": "LLM-PRIV-004", "msg": "PII redaction of logs is off although the stack handles personal or confidential data", "path": "/spec/privacy/piiRedaction/logs"} if {
	input.spec.privacy.piiRedaction.logs == false
	spec.sensitive_data
}
