# METADATA
# title: Input guardrails screen prompts
# description: >-
#   Every stack screens prompts for injection; customer-facing stacks also screen for PII and
#   toxicity.
# scope: package
# custom:
#   id: LLM-GUARD-001
#   severity: high
#   remediation: >-
#     Turn on spec.guardrails.input.promptInjection (and pii and toxicity for customer-facing
#     stacks).
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Information Security"]
#     owasp-llm-2025: ["LLM01:2025"]
package llmops.spec.guardrails.input_guardrails

import data.llmops.lib.spec

deny contains {"id": "LLM-GUARD-001", "msg": "prompts are not screened for prompt injection", "path": "/spec/guardrails/input/promptInjection"} if {
	input.spec.guardrails.input.promptInjection == false
}

deny contains {"id": "LLM-GUARD-001", "msg": msg, "path": sprintf("/spec/guardrails/input/%s", [kind])} if {
	spec.customer_facing
	some kind in ["pii", "toxicity"]
	input.spec.guardrails.input[kind] == false
	msg := sprintf("customer-facing prompts are not screened for %s", [kind])
}
