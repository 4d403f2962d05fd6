package llmops.runtime.controls.guardrail_bypass_test

import data.llmops.controls_fixtures_test as cx
import data.llmops.lib.testing
import data.llmops.runtime.controls.guardrail_bypass as check

pointer := "/resources/0/props/data/config.yaml"

off_by_default := [object.union(g, {"litellm_params": {"default_on": g.guardrail_name != "llm-guard-input"}}) | some g in cx.guardrails]

monitor_only := [object.union(g, {"litellm_params": {"on_flagged": "monitor"}}) | some g in cx.guardrails; g.guardrail_name == "pii-input"]

# Each denied case opens a route around the built chain; the spec still declares the guardrails.
denied_cases := {
	"guardrail only on request": {"input": cx.with_config(object.union(cx.config, {"guardrails": off_by_default})), "path": pointer},
	"monitor-only action": {"input": cx.with_config(object.union(cx.config, {"guardrails": monitor_only})), "path": pointer},
	"pass-through endpoint": {"input": cx.with_config(object.union(cx.config, {"general_settings": {"pass_through_endpoints": [{"path": "/raw", "target": "http://inference-m:8000"}]}})), "path": pointer},
}

allowed_cases := {
	"as built": cx.doc(cx.built),
	"pass-through endpoint with its own guardrails": cx.with_config(object.union(cx.config, {"general_settings": {"pass_through_endpoints": [{"path": "/raw", "target": "http://x", "guardrails": {"pii-input": null}}]}})),
	"no spec": {"resources": cx.with_config(object.union(cx.config, {"guardrails": off_by_default})).resources},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
