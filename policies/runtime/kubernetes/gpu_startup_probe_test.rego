package llmops.runtime.kubernetes.gpu_startup_probe_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.gpu_startup_probe as check
import data.llmops.runtime_fixtures_test as fx

gpu_resources := {"resources": {"requests": {"cpu": "2", "memory": "8Gi"}, "limits": {"memory": "8Gi", "nvidia.com/gpu": "1"}}}

denied_cases := {
	"GPU server without startupProbe": {"input": fx.doc([fx.with_container(gpu_resources)]), "path": "/resources/0/props/spec/template/spec/containers/0"},
	"AMD GPU requested, no startupProbe": {"input": fx.doc([fx.with_container({"resources": {"requests": {"amd.com/gpu": "1"}}})]), "path": "/resources/0/props/spec/template/spec/containers/0"},
}

allowed_cases := {
	"GPU server with startupProbe": fx.doc([fx.with_container(object.union(gpu_resources, {"startupProbe": {"httpGet": {"path": "/health", "port": 8000}, "failureThreshold": 60}}))]),
	"CPU container": fx.doc([fx.with_container({})]),
	"GPU Job (runs to completion)": fx.doc([object.union(fx.with_container(gpu_resources), {"type": "kubernetes:batch/v1:Job"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-050", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
