# METADATA
# title: System prompts hold no credentials
# description: >-
#   A system prompt is not a secret store: models repeat it when asked the right way (OWASP
#   LLM07, system prompt leakage), and it is logged and versioned like any prompt. A model's
#   systemPrompt is scanned with the same credential shapes, names and flags as manifests
#   (policies/data.yaml credential_patterns).
# scope: package
# custom:
#   id: LLM-GUARD-010
#   severity: critical
#   remediation: >-
#     Remove the credential from spec.models[].systemPrompt, rotate it, and let the tool or
#     gateway that needs it read it from a secret store.
#   frameworks:
#     owasp-llm-2025: ["LLM07:2025", "LLM02:2025"]
#     nist-ai-600-1: ["Information Security"]
package llmops.spec.guardrails.system_prompt_credentials

import data.llmops.lib.secrets

deny contains {"id": "LLM-GUARD-010", "msg": msg, "path": sprintf("/spec/models/%d/systemPrompt", [i])} if {
	some i, model in input.spec.models
	found := secrets.reasons(object.get(model, "systemPrompt", ""))
	count(found) > 0
	msg := sprintf("the system prompt of model %s holds a credential (%s)", [model.name, concat(", ", sort(found))])
}
