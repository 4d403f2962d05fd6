package llmops.spec.network.private_endpoints_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.network.private_endpoints as check

denied_cases := {
	"missing kms": {"input": fx.spec({"network": {"privateEndpoints": ["s3", "ecr.api", "ecr.dkr", "sts", "logs"]}}), "path": "/spec/network/privateEndpoints"},
	"bedrock without endpoint": {"input": fx.spec({"pattern": "blackBoxApi", "blackBoxApi": {"provider": "bedrock", "access": "privateEndpoint"}}), "path": "/spec/network/privateEndpoints"},
}

allowed_cases := {
	"all present": fx.base,
	"kubernetes target": fx.spec({"target": {"provider": "kubernetes"}, "network": {"privateEndpoints": []}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-NET-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
