# METADATA
# title: Public assistants screen responses for system-prompt leakage
# description: >-
#   Anyone on the internet can ask a public assistant to repeat its instructions; without an
#   output screen for the system prompt's text, its rules, internal names and any business
#   logic in it leave with the answer (OWASP LLM07, system prompt leakage).
# scope: package
# custom:
#   id: LLM-GUARD-011
#   severity: medium
#   remediation: >-
#     Turn on spec.guardrails.output.systemPromptLeakage so the gateway screens responses for
#     the system prompt before they leave.
#   frameworks:
#     owasp-llm-2025: ["LLM07:2025"]
#     nist-ai-600-1: ["Information Security"]
package llmops.spec.guardrails.prompt_leakage_screening

import data.llmops.lib.spec

deny contains {"id": "LLM-GUARD-011", "msg": msg, "path": "/spec/guardrails/output/systemPromptLeakage"} if {
	input.spec.useCase.audience in spec.params.prompt_leakage_audiences
	not input.spec.guardrails.output.systemPromptLeakage == true
	msg := sprintf("responses to a %s audience are not screened for system-prompt leakage", [input.spec.useCase.audience])
}
