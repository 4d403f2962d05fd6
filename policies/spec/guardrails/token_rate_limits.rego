# METADATA
# title: Models have token and rate limits
# description: >-
#   Without input/output token caps and a request rate, one client can exhaust GPUs or the API
#   budget (denial of wallet).
# scope: package
# custom:
#   id: LLM-GUARD-004
#   severity: high
#   remediation: >-
#     Add limits (maxInputTokens, maxOutputTokens, requestsPerMinute) to each model.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Information Security"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.spec.guardrails.token_rate_limits

deny contains {"id": "LLM-GUARD-004", "msg": msg, "path": sprintf("/spec/models/%d", [i])} if {
	some i, model in input.spec.models
	not model.limits
	msg := sprintf("model %s has no token or rate limits", [model.name])
}
