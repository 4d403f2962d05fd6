package llmops.spec.guardrails.gpu_replica_ceiling_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.guardrails.gpu_replica_ceiling as check

denied_cases := {
	"over stack ceiling": {"input": fx.model({"replicas": {"max": 20}}), "path": "/spec/guardrails/maxGpuReplicas"},
	"over org ceiling": {"input": fx.spec({"guardrails": {"maxGpuReplicas": 100}}), "path": "/spec/guardrails/maxGpuReplicas"},
}

allowed_cases := {
	"within": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GUARD-006", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
