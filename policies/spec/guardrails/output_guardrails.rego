# METADATA
# title: Output guardrails screen responses for customer-facing stacks
# description: >-
#   Responses shown to customers or the public are screened for PII leakage and toxic content
#   before they leave.
# scope: package
# custom:
#   id: LLM-GUARD-002
#   severity: high
#   remediation: >-
#     Turn on spec.guardrails.output.pii and .toxicity.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.6"]
#     nist-ai-600-1: ["Data Privacy", "Obscene, Degrading, and/or Abusive Content"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.spec.guardrails.output_guardrails

import data.llmops.lib.spec

deny contains {"id": "LLM-GUARD-002", "msg": msg, "path": sprintf("/spec/guardrails/output/%s", [kind])} if {
	spec.customer_facing
	some kind in ["pii", "toxicity"]
	input.spec.guardrails.output[kind] == false
	msg := sprintf("customer-facing responses are not screened for %s", [kind])
}
