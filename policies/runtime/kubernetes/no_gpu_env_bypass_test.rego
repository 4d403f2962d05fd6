package llmops.runtime.kubernetes.no_gpu_env_bypass_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.no_gpu_env_bypass as check
import data.llmops.runtime_fixtures_test as fx

env_path := "/resources/0/props/spec/template/spec/containers/0/env/0/value"

denied_cases := {
	"all devices, no request": {"input": fx.doc([fx.with_container({"env": [{"name": "NVIDIA_VISIBLE_DEVICES", "value": "all"}]})]), "path": env_path},
	"device ids, no request": {"input": fx.doc([fx.with_container({"env": [{"name": "NVIDIA_VISIBLE_DEVICES", "value": "0,1"}]})]), "path": env_path},
	"a sidecar beside a GPU container": {"input": fx.doc([fx.deployment(object.union(fx.good_pod, {"containers": [object.union(fx.good_container, {"name": "sidecar", "env": [{"name": "NVIDIA_VISIBLE_DEVICES", "value": "all"}]}), object.union(fx.good_container, {"name": "server", "resources": {"limits": {"nvidia.com/gpu": "1"}}})]}))]), "path": env_path},
}

allowed_cases := {
	"a GPU node agent (DaemonSet) watching every GPU": fx.doc([fx.k8s("kubernetes:apps/v1:DaemonSet", "DaemonSet", {"spec": {"template": {"spec": object.union(fx.good_pod, {"containers": [object.union(fx.good_container, {"env": [{"name": "NVIDIA_VISIBLE_DEVICES", "value": "all"}]})]})}}})]),
	"requests a GPU": fx.doc([fx.with_container({"env": [{"name": "NVIDIA_VISIBLE_DEVICES", "value": "all"}], "resources": {"limits": {"nvidia.com/gpu": "1"}, "requests": {"nvidia.com/gpu": "1"}}})]),
	"hides GPUs": fx.doc([fx.with_container({"env": [{"name": "NVIDIA_VISIBLE_DEVICES", "value": "none"}]})]),
	"other variables": fx.doc([fx.with_container({"env": [{"name": "CUDA_VISIBLE_DEVICES", "value": "all"}, {"name": "NVIDIA_VISIBLE_DEVICES", "valueFrom": {"configMapKeyRef": {"name": "c", "key": "k"}}}]})]),
	"no GPU at all": fx.doc([fx.deployment(fx.good_pod)]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-042", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
