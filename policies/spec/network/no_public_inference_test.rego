package llmops.spec.network.no_public_inference_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.network.no_public_inference as check

denied_cases := {
	"no cidrs": {"input": fx.spec({"network": {"publicIngress": {"allowedCidrs": []}}}), "path": "/spec/network/publicIngress/allowedCidrs"},
	"world": {"input": fx.spec({"network": {"publicIngress": {"allowedCidrs": ["0.0.0.0/0"]}}}), "path": "/spec/network/publicIngress/allowedCidrs"},
	"halves": {"input": fx.spec({"network": {"publicIngress": {"allowedCidrs": ["203.0.113.0/24", "0.0.0.0/1", "128.0.0.0/1"]}}}), "path": "/spec/network/publicIngress/allowedCidrs"},
	"ipv6 world": {"input": fx.spec({"network": {"publicIngress": {"allowedCidrs": ["::/0"]}}}), "path": "/spec/network/publicIngress/allowedCidrs"},
	"internal audience": {"input": fx.spec({"useCase": {"audience": "internal"}}), "path": "/spec/network/publicIngress/inference"},
}

allowed_cases := {
	"restricted cidrs": fx.base,
	"office ranges": fx.spec({"network": {"publicIngress": {"allowedCidrs": ["203.0.113.0/24", "2001:db8:1::/48"]}}}),
	"private": fx.spec({"network": {"publicIngress": {"inference": false, "allowedCidrs": []}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-NET-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
