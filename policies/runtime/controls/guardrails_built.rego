# METADATA
# title: Every guardrail the spec declares is in the gateway's configuration
# description: >-
#   The spec's guardrails (prompt injection, PII and toxicity on input; PII, toxicity and
#   grounding on output) must be built: the LiteLLM gateway configuration must hold a guardrail
#   entry at the matching stage (pre_call or during_call for input, post_call for output) from a
#   provider the organisation trusts for that screening (data.yaml guardrail_providers).
#   A declared guardrail the gateway does not run screens nothing.
# scope: package
# custom:
#   id: LLM-CTRL-001
#   severity: high
#   remediation: >-
#     Add the guardrail to the gateway's `guardrails:` list with the declared stage and
#     default_on: true (the llmops Gateway component builds it from spec.guardrails), or remove
#     the declaration from the spec if the control is not wanted.
#   frameworks:
#     owasp-llm-2025: ["LLM01:2025", "LLM02:2025", "LLM05:2025"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Information Security", "Data Privacy", "Dangerous, Violent, or Hateful Content"]
#     nist-ai-rmf: ["MANAGE 2.4"]
package llmops.runtime.controls.guardrails_built

import data.llmops.lib.gateway

deny contains {"id": "LLM-CTRL-001", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	some [capability, stage, field] in gateway.declared
	some [i, key, config] in gateway.litellm_configs
	urn := input.resources[i].urn
	not built(config, capability, stage)
	msg := sprintf("the spec declares %s, but gateway config %s runs no %s guardrail at the %s-call stage", [field, input.resources[i].props.metadata.name, capability, stage])
}

built(config, capability, stage) if {
	some entry in gateway.guardrails(config)
	gateway.covers(entry, capability, stage)
}
