package llmops.spec.guardrails.gpu_replica_ceiling_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.guardrails.gpu_replica_ceiling as check

denied_cases := {
	"over stack ceiling": {"input": fx.model({"replicas": {"max": 20}}), "path": "/spec/guardrails/maxGpuReplicas"},
	"over org ceiling": {"input": fx.spec({"guardrails": {"maxGpuReplicas": 100}}), "path": "/spec/guardrails/maxGpuReplicas"},
}

allowed_cases := {
	"within": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-GUARD-006", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
