# METADATA
# title: No gateway route bypasses the guardrail chain
# description: >-
#   A declared guardrail holds only if every request passes it. A guardrail that is not
#   default_on runs only when the caller asks for it; one whose on_flagged action only monitors
#   lets flagged content through; a pass-through endpoint forwards requests to an upstream
#   without the model hooks unless it names its own guardrails. Each is a route around the chain.
# scope: package
# custom:
#   id: LLM-CTRL-002
#   severity: high
#   remediation: >-
#     Set default_on: true and a blocking on_flagged action on the declared guardrails, and give
#     every pass_through_endpoints entry a guardrails list (or remove it).
#   frameworks:
#     owasp-llm-2025: ["LLM01:2025", "LLM05:2025"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Information Security"]
package llmops.runtime.controls.guardrail_bypass

import data.llmops.lib.gateway

deny contains {"id": "LLM-CTRL-002", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	some [capability, stage, field] in gateway.declared
	some [i, key, config] in gateway.litellm_configs
	urn := input.resources[i].urn
	some entry in gateway.guardrails(config)
	gateway.covers(entry, capability, stage)
	not gateway.always_on(entry)
	name := object.get(entry, "guardrail_name", "?")
	msg := sprintf("guardrail %v for %s in gateway config %s can be skipped (not default_on, or monitor-only)", [name, field, input.resources[i].props.metadata.name])
}

deny contains {"id": "LLM-CTRL-002", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	gateway.declared != set()
	some [i, key, config] in gateway.litellm_configs
	urn := input.resources[i].urn
	some endpoint in object.get(config, ["general_settings", "pass_through_endpoints"], [])
	count(object.get(endpoint, "guardrails", {})) == 0
	msg := sprintf("pass-through endpoint %v in gateway config %s skips the declared guardrails", [object.get(endpoint, "path", "?"), input.resources[i].props.metadata.name])
}
