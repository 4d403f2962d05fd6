# METADATA
# title: Records reach every sink redacted when the spec declares PII redaction of logs
# description: >-
#   With privacy.piiRedaction.logs, every record the gateway sends to a logging callback (the
#   audit sink, a tracing backend) must pass PII redaction first: a PII guardrail in
#   logging-only mode that is on for every request, or message logging turned off. Sinks that
#   other producers feed directly must redact what they store themselves: a record sink of the
#   llmops collector (`serve --kind audit|feedback|traces`) calls the Presidio analyzer and
#   anonymizer (--presidio-analyzer, --presidio-anonymizer), and an OpenTelemetry Collector's
#   traces and logs pipelines (a ConfigMap's collector config, or an OpenTelemetryCollector's
#   spec.config) run a redaction processor (data.yaml record_redaction_processors).
# scope: package
# custom:
#   id: LLM-CTRL-003
#   severity: high
#   remediation: >-
#     Add an always-on Presidio logging_only guardrail to the gateway config, or set
#     litellm_settings.turn_off_message_logging: true; give each record sink its own redaction
#     (--presidio-analyzer and --presidio-anonymizer, as the llmops RecordSink passes; a
#     redaction processor in each OpenTelemetry Collector traces and logs pipeline).
#   frameworks:
#     owasp-llm-2025: ["LLM02:2025"]
#     nist-ai-600-1: ["Data Privacy"]
#     nist-ai-rmf: ["MEASURE 2.10"]
package llmops.runtime.controls.log_redaction

import data.llmops.lib.gateway
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-CTRL-003", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	input.spec.spec.privacy.piiRedaction.logs == true
	some [i, key, config] in gateway.litellm_configs
	urn := input.resources[i].urn
	some field in gateway.params.gateway_logging_settings
	count(object.get(config, ["litellm_settings", field], [])) > 0
	not redacted(config)
	msg := sprintf("gateway config %s sends records to %s callbacks without PII redaction, though the spec declares privacy.piiRedaction.logs", [input.resources[i].props.metadata.name, field])
}

# A record sink of the llmops collector that stores what it receives without redacting it.
deny contains {"id": "LLM-CTRL-003", "msg": msg, "path": pointer, "resource": urn} if {
	input.spec.spec.privacy.piiRedaction.logs == true
	some [i, pointer, container, _] in lib.containers
	words := invocation(container)
	"serve" in words
	some k, word in words
	word == "--kind"
	not redacting_collector(words)
	urn := input.resources[i].urn
	kind := words[k + 1]
	msg := sprintf(
		"%s record sink %s stores records without PII redaction (no --presidio-analyzer and --presidio-anonymizer), though the spec declares privacy.piiRedaction.logs",
		[lib.text(kind), resource_name(i)],
	)
}

# An OpenTelemetry Collector pipeline of traces or logs with no redaction processor.
deny contains {"id": "LLM-CTRL-003", "msg": msg, "path": path, "resource": urn} if {
	input.spec.spec.privacy.piiRedaction.logs == true
	some [i, path, config] in otel_configs
	some name, pipeline in object.get(config, ["service", "pipelines"], {})
	split(name, "/")[0] in {"traces", "logs"}
	not redacting_pipeline(pipeline)
	urn := input.resources[i].urn
	msg := sprintf(
		"OpenTelemetry Collector pipeline %s in %s stores or forwards records without a redaction processor, though the spec declares privacy.piiRedaction.logs",
		[lib.text(name), resource_name(i)],
	)
}

redacted(config) if config.litellm_settings.turn_off_message_logging == true

redacted(config) if {
	some entry in gateway.guardrails(config)
	gateway.covers(entry, "pii", "logging")
	gateway.always_on(entry)
}

resource_name(i) := lib.text(object.get(input.resources[i].props, ["metadata", "name"], input.resources[i].name))

invocation(container) := array.concat(lib.as_list(object.get(container, "command", [])), lib.as_list(object.get(container, "args", [])))

redacting_collector(words) if {
	"--presidio-analyzer" in words
	"--presidio-anonymizer" in words
}

redacting_pipeline(pipeline) if {
	some processor in lib.as_list(object.get(pipeline, "processors", []))
	is_string(processor)
	split(processor, "/")[0] in gateway.params.record_redaction_processors
}

# [index, JSON Pointer, parsed config] of OpenTelemetry Collector configurations: a ConfigMap
# value, or an OpenTelemetryCollector's spec.config (an object in v1beta1, YAML text in v1alpha1).
otel_configs contains [i, gateway.config_pointer(i, key), config] if {
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:ConfigMap"
	some key, text in object.get(resource.props, "data", {})
	config := otel_config(text)
}

otel_configs contains [i, concat("", [lib.resource_pointer(i), "/spec/config"]), config] if {
	some i, resource in input.resources
	startswith(resource.type, "kubernetes:opentelemetry.io/")
	endswith(resource.type, ":OpenTelemetryCollector")
	config := otel_config(resource.props.spec.config)
}

otel_config(value) := config if {
	is_string(value)
	contains(value, "pipelines")
	yaml.is_valid(value)
	config := yaml.unmarshal(value)
	collector_shaped(config)
}

otel_config(value) := value if collector_shaped(value)

collector_shaped(config) if {
	is_object(config)
	is_object(config.receivers)
	is_object(config.exporters)
	is_object(config.service.pipelines)
}
