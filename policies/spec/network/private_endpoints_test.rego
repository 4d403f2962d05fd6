package llmops.spec.network.private_endpoints_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.network.private_endpoints as check

denied_cases := {
	"missing kms": {"input": fx.spec({"network": {"privateEndpoints": ["s3", "ecr.api", "ecr.dkr", "sts", "logs"]}}), "path": "/spec/network/privateEndpoints"},
	"bedrock without endpoint": {"input": fx.spec({"pattern": "blackBoxApi", "blackBoxApi": {"provider": "bedrock", "access": "privateEndpoint"}}), "path": "/spec/network/privateEndpoints"},
}

allowed_cases := {
	"all present": fx.base,
	"kubernetes target": fx.spec({"target": {"provider": "kubernetes"}, "network": {"privateEndpoints": []}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-NET-003", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
