# METADATA
# title: Token limits stay under the organisation's ceilings
# description: >-
#   Very large context or output windows multiply cost and widen the prompt-injection surface.
# scope: package
# custom:
#   id: LLM-GUARD-005
#   severity: medium
#   remediation: >-
#     Lower limits.maxInputTokens and maxOutputTokens to the ceilings in policies/data.yaml.
#   frameworks:
#     nist-ai-600-1: ["Information Security"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.spec.guardrails.token_ceilings

import data.llmops.lib.spec

ceilings := {"maxInputTokens": spec.params.max_input_tokens, "maxOutputTokens": spec.params.max_output_tokens}

deny contains {"id": "LLM-GUARD-005", "msg": msg, "path": sprintf("/spec/models/%d/limits/%s", [i, field])} if {
	some i, model in input.spec.models
	some field, ceiling in ceilings
	model.limits[field] > ceiling
	msg := sprintf("%s of model %s is %d; the ceiling is %d", [field, model.name, model.limits[field], ceiling])
}
