# METADATA
# title: Gateway rate limits hold across replicas
# description: >-
#   LiteLLM counts a model's rpm and tpm in memory unless router_settings name a shared
#   Redis-protocol store. A gateway workload with more than one replica and no shared store
#   enforces the full limit in every replica, so the stack admits the limit times the replicas.
# scope: package
# custom:
#   id: LLM-CTRL-007
#   severity: high
#   remediation: >-
#     Set router_settings.redis_host (or redis_url) to a store every replica shares (the llmops
#     Gateway component runs a Valkey limiter store), or run one replica.
#   frameworks:
#     owasp-llm-2025: ["LLM10:2025"]
#     nist-ai-600-1: ["Information Security"]
package llmops.runtime.controls.shared_rate_limits

import data.llmops.lib.gateway

deny contains {"id": "LLM-CTRL-007", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	some [i, key, config] in gateway.litellm_configs
	urn := input.resources[i].urn
	limited(config)
	not shared(config)
	some [w, _] in gateway.mounting_workloads(i)
	replicas := object.get(input.resources[w].props, ["spec", "replicas"], 1)
	replicas > 1
	msg := sprintf("gateway config %s sets rate limits but keeps counters per replica; %s runs %d replicas", [input.resources[i].props.metadata.name, input.resources[w].props.metadata.name, replicas])
}

limited(config) if {
	some route in config.model_list
	some field in ["rpm", "tpm"]
	object.get(route, ["litellm_params", field], 0) > 0
}

shared(config) if {
	some field in ["redis_host", "redis_url"]
	object.get(config, ["router_settings", field], "") != ""
}
