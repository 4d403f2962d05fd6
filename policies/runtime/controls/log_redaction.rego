# METADATA
# title: Records leave the gateway redacted when the spec declares PII redaction of logs
# description: >-
#   With privacy.piiRedaction.logs, every record the gateway sends to a logging callback (the
#   audit sink, a tracing backend) must pass PII redaction first: a PII guardrail in
#   logging-only mode that is on for every request, or message logging turned off.
# scope: package
# custom:
#   id: LLM-CTRL-003
#   severity: high
#   remediation: >-
#     Add a Presidio guardrail with mode logging_only and default_on: true to the gateway config
#     (the llmops Gateway component does when privacy.piiRedaction.logs is on), or set
#     litellm_settings.turn_off_message_logging: true.
#   frameworks:
#     owasp-llm-2025: ["LLM02:2025"]
#     nist-ai-600-1: ["Data Privacy"]
#     nist-ai-rmf: ["MEASURE 2.10"]
package llmops.runtime.controls.log_redaction

import data.llmops.lib.gateway

deny contains {"id": "LLM-CTRL-003", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	input.spec.spec.privacy.piiRedaction.logs == true
	some [i, key, config] in gateway.litellm_configs
	urn := input.resources[i].urn
	some field in gateway.params.gateway_logging_settings
	count(object.get(config, ["litellm_settings", field], [])) > 0
	not redacted(config)
	msg := sprintf("gateway config %s sends records to %s callbacks without PII redaction, though the spec declares privacy.piiRedaction.logs", [input.resources[i].props.metadata.name, field])
}

redacted(config) if config.litellm_settings.turn_off_message_logging == true

redacted(config) if {
	some entry in gateway.guardrails(config)
	gateway.covers(entry, "pii", "logging")
	gateway.always_on(entry)
}
