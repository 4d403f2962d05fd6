package llmops.spec.evaluation.metric_gates_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.evaluation.metric_gates as check

denied_cases := {
	"no metrics": {"input": fx.model({"evaluation": {"metrics": []}}), "path": "/spec/models/0/evaluation/metrics"},
}

allowed_cases := {
	"gated": fx.base,
	"dev": object.union(fx.model({"evaluation": {"metrics": []}}), {"metadata": {"environment": "dev"}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-EVAL-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
