package llmops.spec.evaluation.human_eval_sample_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evaluation.human_eval_sample as check

denied_cases := {
	"missing": {"input": object.union(fx.model({"evaluation": {"metrics": [{"name": "groundedness", "threshold": 0.9}]}}), {"spec": {"useCase": {"riskTier": "high"}}}), "path": "/spec/models/0/evaluation/metrics"},
	"too few": {"input": object.union(fx.model({"evaluation": {"metrics": [{"name": "humanEval", "threshold": 4, "sampleSize": 20}]}}), {"spec": {"useCase": {"riskTier": "high"}}}), "path": "/spec/models/0/evaluation/metrics/0/sampleSize"},
}

allowed_cases := {
	"enough": object.union(fx.model({"evaluation": {"metrics": [{"name": "humanEval", "threshold": 4, "sampleSize": 300}]}}), {"spec": {"useCase": {"riskTier": "high"}}}),
	"limited risk": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVAL-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
