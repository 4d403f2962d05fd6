# METADATA
# title: People are told they are interacting with AI
# description: >-
#   Every system people talk to must disclose that they interact with an AI system (EU AI Act
#   Art. 50(1) covers any natural person: employees of an internal chatbot as much as
#   customers).
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

deny contains {"id": "LLM-TRANS-001", "msg": msg, "path": "/spec/governance/disclosure/aiDisclosure"} if {
	input.spec.governance.disclosure.aiDisclosure == false
	msg := sprintf("the stack for %s users does not disclose that they interact with AI", [input.spec.useCase.audience])
}
