package llmops.spec.evaluation.metric_gates_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evaluation.metric_gates as check

denied_cases := {
	"no metrics": {"input": fx.model({"evaluation": {"metrics": []}}), "path": "/spec/models/0/evaluation/metrics"},
}

allowed_cases := {
	"gated": fx.base,
	"dev": object.union(fx.model({"evaluation": {"metrics": []}}), {"metadata": {"environment": "dev"}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVAL-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
