package llmops.runtime.kubernetes.gpu_quota_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.gpu_quota as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"no quota": {"input": fx.doc([fx.with_container(gpu_limit)]), "path": "/resources/0/props/metadata"},
	"only a limits. key, which quotas nothing": {"input": fx.doc([fx.with_container(gpu_limit), fx.quota({"limits.nvidia.com/gpu": "4"})]), "path": "/resources/0/props/metadata"},
	"quota above the ceiling": {"input": fx.doc([fx.with_container(gpu_limit), fx.quota({"requests.nvidia.com/gpu": "100000"})]), "path": "/resources/0/props/metadata"},
	"quota in another namespace": {"input": fx.doc([fx.with_container(gpu_limit), object.union(fx.quota({"requests.nvidia.com/gpu": "4"}), {"props": {"metadata": {"namespace": "other"}}})]), "path": "/resources/0/props/metadata"},
	"GPU asked for in requests only": {"input": fx.doc([fx.with_container({"resources": {"requests": {"cpu": "1", "memory": "1Gi", "nvidia.com/gpu": 1}, "limits": {"memory": "1Gi"}}})]), "path": "/resources/0/props/metadata"},
	"a LimitRange is not a quota": {"input": fx.doc([fx.with_container(gpu_limit), fx.k8s("kubernetes:core/v1:LimitRange", "LimitRange", {"spec": {"hard": {"requests.nvidia.com/gpu": "4"}}})]), "path": "/resources/0/props/metadata"},
	"quota not a whole number": {"input": fx.doc([fx.with_container(gpu_limit), fx.quota({"requests.nvidia.com/gpu": "4k"})]), "path": "/resources/0/props/metadata"},
}

gpu_limit := {"resources": {"requests": {"cpu": "1", "memory": "1Gi"}, "limits": {"memory": "1Gi", "nvidia.com/gpu": "1"}}}

allowed_cases := {
	"quota": fx.doc([fx.with_container(gpu_limit), fx.quota({"requests.nvidia.com/gpu": "4"})]),
	"quota as a number, beside a limits. key": fx.doc([fx.with_container(gpu_limit), fx.quota({"requests.nvidia.com/gpu": 8, "limits.nvidia.com/gpu": 8})]),
	"one of two quotas within the ceiling": fx.doc([fx.with_container(gpu_limit), fx.quota({"requests.nvidia.com/gpu": "100000"}), object.union(fx.quota({"requests.nvidia.com/gpu": "2"}), {"name": "y", "urn": "urn:test::q2"})]),
	"cpu only": fx.doc([fx.deployment(fx.good_pod)]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-017", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
