# Fixtures shared by the declared-vs-built checks' tests (excluded from the bundle with the tests):
# a spec body declaring every control, and the gateway the llmops components build for it.
package llmops.controls_fixtures_test

import data.llmops.runtime_fixtures_test as fx

spec := {
	"guardrails": {
		"input": {"promptInjection": true, "pii": true, "toxicity": true},
		"output": {"pii": true, "toxicity": true, "grounding": true},
	},
	"privacy": {"piiRedaction": {"prompts": true, "responses": true, "logs": true}, "encryption": {"inTransit": {"tls": true, "minVersion": "1.2"}}},
	"governance": {"disclosure": {"aiDisclosure": true, "text": "You are chatting with an AI assistant."}},
}

presidio(name, mode) := {"guardrail_name": name, "litellm_params": {
	"guardrail": "presidio", "mode": mode, "default_on": true,
	"presidio_analyzer_api_base": "http://presidio-analyzer.ns.svc.cluster.local:3000",
	"presidio_anonymizer_api_base": "http://presidio-anonymizer.ns.svc.cluster.local:3000",
}}

llm_guard(name, mode) := {"guardrail_name": name, "litellm_params": {
	"guardrail": "generic_guardrail_api", "mode": mode, "default_on": true,
	"api_base": "http://llm-guard.ns.svc.cluster.local:8000", "api_key": "os.environ/LLM_GUARD_TOKEN",
}}

guardrails := [
	presidio("pii-input", "pre_call"),
	llm_guard("llm-guard-input", "pre_call"),
	presidio("pii-output", "post_call"),
	llm_guard("llm-guard-output", "post_call"),
	presidio("pii-logging", "logging_only"),
]

config := {
	"model_list": [{"model_name": "m", "litellm_params": {"model": "openai/m", "api_base": "http://inference-m.ns.svc.cluster.local:8000/v1", "rpm": 60}}],
	"guardrails": guardrails,
	"litellm_settings": {"drop_params": true, "success_callback": ["generic_api"], "failure_callback": ["generic_api"]},
	"general_settings": {"master_key": "os.environ/LITELLM_MASTER_KEY"},
}

gateway_config(value) := object.union(fx.config_map({"config.yaml": yaml.marshal(value)}), {"props": {"metadata": {"name": "gateway-config"}}, "urn": "urn:test::cm::gateway-config"})

nginx := concat("\n", [
	"server {",
	"  listen 8443 ssl;",
	"  add_header X-AI-Disclosure \"You are chatting with an AI assistant.\" always;",
	"  location / { proxy_pass http://127.0.0.1:4000; }",
	"}",
])

edge_config(text) := object.union(fx.config_map({"nginx.conf": text}), {"props": {"metadata": {"name": "gateway-edge-config"}}, "urn": "urn:test::cm::gateway-edge-config"})

deployment := object.union(fx.deployment(object.union(fx.good_pod, {"volumes": [{"name": "config", "configMap": {"name": "gateway-config"}}]})), {"props": {"spec": {"template": {"metadata": {"labels": {"role": "gateway"}}}}}})

https_port := {"name": "https", "port": 443, "targetPort": "https", "appProtocol": "https"}

service(ports) := object.union(fx.service({"type": "ClusterIP", "selector": {"role": "gateway"}, "ports": ports}), {"urn": "urn:test::svc::gateway"})

# The gateway as built, with one resource replaced by index: 0 config, 1 edge config, 2 deployment, 3 service.
built := [gateway_config(config), edge_config(nginx), deployment, service([https_port])]

with_resource(index, resource) := [r | some i, original in built; r := object.get({index: resource}, i, original)]

doc(resources) := {"resources": resources, "spec": {"spec": spec}}

with_config(value) := doc(with_resource(0, gateway_config(value)))
