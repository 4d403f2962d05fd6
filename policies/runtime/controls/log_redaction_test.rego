package llmops.runtime.controls.log_redaction_test

import data.llmops.controls_fixtures_test as cx
import data.llmops.lib.testing
import data.llmops.runtime.controls.log_redaction as check

pointer := "/resources/0/props/data/config.yaml"

without_logging_guardrail := object.union(cx.config, {"guardrails": [g | some g in cx.guardrails; g.guardrail_name != "pii-logging"]})

# Each denied case removes the redaction from the built gateway; the spec still declares it.
denied_cases := {
	"no logging-only PII guardrail": {"input": cx.with_config(without_logging_guardrail), "path": pointer},
	"logging guardrail off by default": {"input": cx.with_config(object.union(cx.config, {"guardrails": [object.union(g, {"litellm_params": {"default_on": false}}) | some g in cx.guardrails]})), "path": pointer},
}

allowed_cases := {
	"as built": cx.doc(cx.built),
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
