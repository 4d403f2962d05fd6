package llmops.runtime.controls.guardrails_built_test

import data.llmops.controls_fixtures_test as cx
import data.llmops.lib.testing
import data.llmops.runtime.controls.guardrails_built as check

pointer := "/resources/0/props/data/config.yaml"

# Each denied case removes a built guardrail from the gateway config; the spec still declares it.
denied_cases := {
	"no guardrails at all": {"input": cx.with_config(object.remove(cx.config, ["guardrails"])), "path": pointer},
	"prompt-injection screening missing": {"input": cx.with_config(object.union(cx.config, {"guardrails": [g | some g in cx.guardrails; g.guardrail_name != "llm-guard-input"]})), "path": pointer},
	"output PII only on input": {"input": cx.with_config(object.union(cx.config, {"guardrails": [g | some g in cx.guardrails; g.guardrail_name != "pii-output"]})), "path": pointer},
	"provider not trusted for the screening": {"input": cx.with_config(object.union(cx.config, {"guardrails": [cx.presidio("pii-input", "pre_call"), cx.presidio("x", "post_call"), cx.presidio("y", "pre_call")]})), "path": pointer},
}

allowed_cases := {
	"as built": cx.doc(cx.built),
	"no spec: nothing to tie to": {"resources": cx.built},
	"nothing declared": {"resources": cx.with_config(object.remove(cx.config, ["guardrails"])).resources, "spec": {"spec": {"guardrails": {"input": {}, "output": {}}}}},
	"modes as lists": cx.with_config(object.union(cx.config, {"guardrails": [
		{"guardrail_name": "screen", "litellm_params": {"guardrail": "generic_guardrail_api", "mode": ["pre_call", "post_call"], "default_on": true}},
		{"guardrail_name": "pii", "litellm_params": {"guardrail": "presidio", "mode": ["during_call", "post_call", "logging_only"], "default_on": true}},
	]})),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

# Only the missing screenings are named.
test_names_the_missing_field if {
	found := check.deny with input as denied_cases["prompt-injection screening missing"].input
	{f.msg | some f in found} == {
		"the spec declares guardrails.input.promptInjection, but gateway config gateway-config runs no promptInjection guardrail at the pre-call stage",
		"the spec declares guardrails.input.toxicity, but gateway config gateway-config runs no toxicity guardrail at the pre-call stage",
	}
}
