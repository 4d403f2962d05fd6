# METADATA
# title: People are told they are interacting with AI
# description: >-
#   Customer-facing and public systems must disclose that the user talks to an AI system (EU
#   AI Act Art. 50).
# scope: package
# custom:
#   id: LLM-TRANS-001
#   severity: high
#   remediation: >-
#     Set spec.governance.disclosure.aiDisclosure to true and give the disclosure text.
#   frameworks:
#     nist-ai-rmf: ["MAP 1.1", "GOVERN 4.2"]
#     eu-ai-act: ["Art. 50(1)"]
#     nist-ai-600-1: ["Human-AI Configuration"]
#     iso-42001: ["A.8.2"]
package llmops.spec.transparency.ai_disclosure

import data.llmops.lib.spec

deny contains {"id": "LLM-TRANS-001", "msg": "customer-facing stack does not disclose that users interact with AI", "path": "/spec/governance/disclosure/aiDisclosure"} if {
	spec.customer_facing
	input.spec.governance.disclosure.aiDisclosure == false
}
