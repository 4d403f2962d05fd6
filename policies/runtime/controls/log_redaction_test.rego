package llmops.runtime.controls.log_redaction_test

import data.llmops.controls_fixtures_test as cx
import data.llmops.lib.testing
import data.llmops.runtime.controls.log_redaction as check
import data.llmops.runtime_fixtures_test as fx

pointer := "/resources/0/props/data/config.yaml"

without_logging_guardrail := object.union(cx.config, {"guardrails": [g | some g in cx.guardrails; g.guardrail_name != "pii-logging"]})

# A record sink as the llmops RecordSink builds it (index 4 of the document), with `extra` args.
sink(kind, extra) := fx.with_container({"name": "collector", "args": array.concat(["serve", "--kind", kind, "--listen", ":8080", "--store", "/records", "--retention-days", "400"], extra)})

redacting := ["--presidio-analyzer", "http://presidio-analyzer.ns.svc.cluster.local:3000", "--presidio-anonymizer", "http://presidio-anonymizer.ns.svc.cluster.local:3000"]

with_sink(resource) := cx.doc(array.concat(cx.built, [resource]))

sink_pointer := "/resources/4/props/spec/template/spec/containers/0"

# An OpenTelemetry Collector configuration (contrib) whose traces pipeline runs `processors`.
otel(processors) := {
	"receivers": {"otlp": {"protocols": {"grpc": {"endpoint": "0.0.0.0:4317"}}}},
	"processors": {"batch": {}, "redaction": {"allow_all_keys": true, "blocked_values": ["[0-9]{3}-[0-9]{2}-[0-9]{4}"]}},
	"exporters": {"otlphttp": {"endpoint": "https://traces.example.com"}},
	"service": {"pipelines": {"traces": {"receivers": ["otlp"], "processors": processors, "exporters": ["otlphttp"]}}},
}

otel_map(processors) := fx.config_map({"collector.yaml": yaml.marshal(otel(processors))})

otel_resource(config) := fx.k8s("kubernetes:opentelemetry.io/v1beta1:OpenTelemetryCollector", "OpenTelemetryCollector", {"spec": {"config": config}})

# Each denied case removes the redaction from the built gateway or a sink; the spec still declares it.
denied_cases := {
	"audit sink without its redaction": {"input": with_sink(sink("audit", ["--append-only"])), "path": sink_pointer},
	"feedback sink without its redaction": {"input": with_sink(sink("feedback", [])), "path": sink_pointer},
	"traces sink with half its redaction": {"input": with_sink(sink("traces", array.slice(redacting, 0, 2))), "path": sink_pointer},
	"a collector's traces pipeline without a redaction processor": {"input": with_sink(otel_map(["batch"])), "path": "/resources/4/props/data/collector.yaml"},
	"an OpenTelemetryCollector without a redaction processor": {"input": with_sink(otel_resource(otel(["batch"]))), "path": "/resources/4/props/spec/config"},
	"no logging-only PII guardrail": {"input": cx.with_config(without_logging_guardrail), "path": pointer},
	"logging guardrail off by default": {"input": cx.with_config(object.union(cx.config, {"guardrails": [object.union(g, {"litellm_params": {"default_on": false}}) | some g in cx.guardrails]})), "path": pointer},
}

allowed_cases := {
	"as built": cx.doc(cx.built),
	"sinks that redact": cx.doc(array.concat(cx.built, [sink("audit", redacting), sink("feedback", redacting)])),
	"the collector's other subcommands": with_sink(fx.with_container({"args": ["review", "--kind", "feedback", "--store-url", "http://feedback-sink:8080/records"]})),
	"a collector with a redaction processor": with_sink(otel_map(["redaction", "batch"])),
	"an OpenTelemetryCollector with a named redaction processor": with_sink(otel_resource(object.union(otel(["redaction/pii"]), {"processors": {"redaction/pii": {}}}))),
	"a collector's metrics pipeline": with_sink(fx.config_map({"collector.yaml": yaml.marshal(object.union(object.remove(otel([]), ["service"]), {"service": {"pipelines": {"metrics": {"receivers": ["otlp"], "exporters": ["otlphttp"]}}}}))})),
	"a sink without redaction when none is declared": {"resources": array.concat(cx.built, [sink("audit", [])]), "spec": {"spec": {"privacy": {"piiRedaction": {"logs": false}}}}},
	"message logging off": cx.with_config(object.union(without_logging_guardrail, {"litellm_settings": {"turn_off_message_logging": true}})),
	"no logging callbacks": cx.with_config(object.union(object.remove(without_logging_guardrail, ["litellm_settings"]), {"litellm_settings": {"drop_params": true}})),
	"redaction not declared": {"resources": cx.with_config(without_logging_guardrail).resources, "spec": {"spec": {"privacy": {"piiRedaction": {"logs": false}}}}},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
