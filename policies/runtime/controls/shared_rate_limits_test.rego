package llmops.runtime.controls.shared_rate_limits_test

import data.llmops.controls_fixtures_test as cx
import data.llmops.lib.testing
import data.llmops.runtime.controls.shared_rate_limits as check

shared := object.union(cx.config, {"router_settings": {"redis_host": "os.environ/REDIS_HOST", "redis_port": "os.environ/REDIS_PORT"}})

two_replicas := object.union(cx.deployment, {"props": {"spec": {"replicas": 2}}})

pointer := "/resources/0/props/data/config.yaml"

# Each denied case removes the shared store from a multi-replica gateway.
denied_cases := {
	"two replicas, no shared store": {"input": cx.doc(cx.with_resource(2, two_replicas)), "path": pointer},
	"empty redis host": {"input": cx.doc([cx.gateway_config(object.union(cx.config, {"router_settings": {"redis_host": ""}})), cx.built[1], two_replicas, cx.built[3]]), "path": pointer},
}

allowed_cases := {
	"shared store": cx.doc([cx.gateway_config(shared), cx.built[1], two_replicas, cx.built[3]]),
	"one replica": cx.doc(cx.built),
	"no limits": cx.doc([cx.gateway_config(object.union(cx.config, {"model_list": [{"model_name": "m", "litellm_params": {"model": "openai/m"}}]})), cx.built[1], two_replicas, cx.built[3]]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-007", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
