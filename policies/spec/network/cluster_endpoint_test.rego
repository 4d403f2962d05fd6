package llmops.spec.network.cluster_endpoint_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.network.cluster_endpoint as check

denied_cases := {
	"public no cidrs": {"input": fx.spec({"network": {"clusterEndpoint": {"public": true}}}), "path": "/spec/network/clusterEndpoint/publicCidrs"},
	"public world": {"input": fx.spec({"network": {"clusterEndpoint": {"public": true, "publicCidrs": ["0.0.0.0/0"]}}}), "path": "/spec/network/clusterEndpoint/publicCidrs"},
	"public halves": {"input": fx.spec({"network": {"clusterEndpoint": {"public": true, "publicCidrs": ["0.0.0.0/1", "128.0.0.0/1"]}}}), "path": "/spec/network/clusterEndpoint/publicCidrs"},
}

allowed_cases := {
	"private": fx.base,
	"public restricted": fx.spec({"network": {"clusterEndpoint": {"public": true, "publicCidrs": ["203.0.113.0/24"]}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-NET-005", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
