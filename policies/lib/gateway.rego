# METADATA
# title: Shared helpers over LLM gateway configurations and the spec they were built from
# description: >-
#   Finds LiteLLM proxy configurations (a ConfigMap value that parses as YAML with a model_list)
#   and the workloads that mount them, and states what the spec (input.spec.spec: input.spec is the whole spec document)
#   declares: guardrails per stage, PII redaction of logs, disclosure, TLS in transit.
# scope: package
package llmops.lib.gateway

import data.llmops.lib.runtime as lib

params := data.llmops.params

# [index, data key, parsed config] for every ConfigMap value holding a LiteLLM proxy config.
litellm_configs contains [i, key, config] if {
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:ConfigMap"
	some key, text in object.get(resource.props, "data", {})
	is_string(text)
	contains(text, "model_list")
	yaml.is_valid(text)
	config := yaml.unmarshal(text)
	is_object(config)
	is_array(config.model_list)
}

config_pointer(i, key) := sprintf("%s/data/%s", [lib.resource_pointer(i), escape_pointer(key)])

escape_pointer(key) := replace(replace(key, "~", "~0"), "/", "~1")

# Guardrail requirements the spec declares: [capability, stage, spec field].
declared contains ["promptInjection", "pre", "guardrails.input.promptInjection"] if input.spec.spec.guardrails.input.promptInjection == true

declared contains ["pii", "pre", "guardrails.input.pii"] if input.spec.spec.guardrails.input.pii == true

declared contains ["toxicity", "pre", "guardrails.input.toxicity"] if input.spec.spec.guardrails.input.toxicity == true

declared contains ["pii", "post", "guardrails.output.pii"] if input.spec.spec.guardrails.output.pii == true

declared contains ["toxicity", "post", "guardrails.output.toxicity"] if input.spec.spec.guardrails.output.toxicity == true

declared contains ["grounding", "post", "guardrails.output.grounding"] if input.spec.spec.guardrails.output.grounding == true

# A guardrail entry's settings: LiteLLM reads them from litellm_params (current) or the entry itself.
setting(entry, name) := entry.litellm_params[name]

setting(entry, name) := entry[name] if not has_param(entry, name)

has_param(entry, name) if _ = entry.litellm_params[name]

modes(entry) := {mode | some mode in lib.as_array(setting(entry, "mode"))}

# The entry runs at the stage, with a provider the organisation trusts for the capability.
covers(entry, capability, stage) if {
	setting(entry, "guardrail") in params.guardrail_providers[capability]
	some mode in modes(entry)
	mode in params.guardrail_stage_modes[stage]
}

# The entry runs on every request, and blocks or redacts rather than only logging.
always_on(entry) if {
	setting(entry, "default_on") == true
	not monitor_only(entry)
}

monitor_only(entry) if setting(entry, "on_flagged") in params.guardrail_monitor_only_actions

guardrails(config) := [entry | some entry in object.get(config, "guardrails", []); is_object(entry)]

# Pod templates that mount the ConfigMap at index `c`: [workload index, pod template].
mounting_workloads(c) := {[w, template] |
	config_map := input.resources[c]
	some [w, _, pod] in lib.pod_specs
	lib.namespace_of(input.resources[w]) == lib.namespace_of(config_map)
	some volume in object.get(pod, "volumes", [])
	volume.configMap.name == config_map.props.metadata.name
	template := object.get(input.resources[w].props, ["spec", "template"], {"spec": pod})
}

# Does the Service at index `s` select the pod template?
selects(s, template) if {
	service := input.resources[s]
	selector := object.get(service.props, ["spec", "selector"], {})
	count(selector) > 0
	labels := object.get(template, ["metadata", "labels"], {})
	every key, value in selector { labels[key] == value }
}
