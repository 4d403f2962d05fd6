package llmops.runtime.kubernetes.no_public_load_balancer_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.no_public_load_balancer as check
import data.llmops.runtime_fixtures_test as fx

annotated(annotations, ranges) := object.union(fx.service({"type": "LoadBalancer", "loadBalancerSourceRanges": ranges}), {"props": {"metadata": {"annotations": annotations}}})

denied_cases := {
	"open": {"input": fx.doc([fx.service({"type": "LoadBalancer"})]), "path": "/resources/0/props/spec"},
	"world range": {"input": fx.doc([fx.service({"type": "LoadBalancer", "loadBalancerSourceRanges": ["0.0.0.0/0"]})]), "path": "/resources/0/props/spec"},
	"halves": {"input": fx.doc([fx.service({"type": "LoadBalancer", "loadBalancerSourceRanges": ["0.0.0.0/1", "128.0.0.0/1"]})]), "path": "/resources/0/props/spec"},
	"annotation halves": {"input": fx.doc([annotated({"service.beta.kubernetes.io/load-balancer-source-ranges": "0.0.0.0/1, 128.0.0.0/1"}, [])]), "path": "/resources/0/props/spec"},
	"spec field wins over a narrow annotation": {"input": fx.doc([annotated({"service.beta.kubernetes.io/load-balancer-source-ranges": "10.0.0.0/8"}, ["0.0.0.0/0"])]), "path": "/resources/0/props/spec"},
	"internal annotation set to false": {"input": fx.doc([annotated({"service.beta.kubernetes.io/aws-load-balancer-internal": "false"}, [])]), "path": "/resources/0/props/spec"},
	"ipv6 world": {"input": fx.doc([fx.service({"type": "LoadBalancer", "loadBalancerSourceRanges": ["203.0.113.0/24", "::/0"]})]), "path": "/resources/0/props/spec"},
}

allowed_cases := {
	"cluster ip": fx.doc([fx.service({"type": "ClusterIP"})]),
	"restricted": fx.doc([fx.service({"type": "LoadBalancer", "loadBalancerSourceRanges": ["198.51.100.0/24"]})]),
	"restricted by the annotation": fx.doc([annotated({"service.beta.kubernetes.io/load-balancer-source-ranges": "198.51.100.0/24,203.0.113.0/24"}, [])]),
	"internal scheme": fx.doc([annotated({"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal"}, [])]),
	"azure internal": fx.doc([annotated({"service.beta.kubernetes.io/azure-load-balancer-internal": "true"}, [])]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-013", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
