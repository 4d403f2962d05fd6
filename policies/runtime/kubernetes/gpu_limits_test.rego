package llmops.runtime.kubernetes.gpu_limits_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.gpu_limits as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"job tolerating GPUs without limit": {"input": fx.doc([object.union(fx.deployment(object.union(fx.good_pod, {"nodeSelector": {"llmops.dev/pool": "gpu"}})), {"type": "kubernetes:batch/v1:Job"})]), "path": "/resources/0/props/spec/template/spec"},
	"toleration without limit": {"input": fx.doc([fx.deployment(object.union(fx.good_pod, {"tolerations": [{"key": "nvidia.com/gpu", "operator": "Exists"}]}))]), "path": "/resources/0/props/spec/template/spec"},
}

allowed_cases := {
	"limited": fx.doc([fx.deployment(object.union(fx.good_pod, {"tolerations": [{"key": "nvidia.com/gpu", "operator": "Exists"}], "containers": [object.union(fx.good_container, {"resources": {"limits": {"nvidia.com/gpu": "1", "memory": "1Gi"}}})]}))]),
	"cpu pod": fx.doc([fx.deployment(fx.good_pod)]),
	"node agent DaemonSet": fx.doc([object.union(fx.deployment(object.union(fx.good_pod, {"tolerations": [{"key": "nvidia.com/gpu", "operator": "Exists"}]})), {"type": "kubernetes:apps/v1:DaemonSet"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-012", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
