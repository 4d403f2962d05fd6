# METADATA
# title: Prompts and responses are PII-redacted when the stack handles sensitive data
# description: >-
#   When any data source is confidential, restricted or personal, prompts and responses must
#   pass PII redaction before they are stored or sent onwards.
# scope: package
# custom:
#   id: LLM-PRIV-003
#   severity: high
#   remediation: >-
#     Set spec.privacy.piiRedaction.prompts and .responses to true.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.spec.privacy.pii_redaction_io

import data.llmops.lib.spec

deny contains {"id": "LLM-PRIV-003", "msg": msg, "path": sprintf("/spec/privacy/piiRedaction/%s", [kind])} if {
	spec.sensitive_data
	some kind in ["prompts", "responses"]
	input.spec.privacy.piiRedaction[kind] == false
	msg := sprintf("PII redaction of %s is off although the stack handles personal or confidential data", [kind])
}
