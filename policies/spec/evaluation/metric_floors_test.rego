package llmops.spec.evaluation.metric_floors_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.evaluation.metric_floors as check

denied_cases := {
	"bleu too low": {"input": fx.model({"evaluation": {"metrics": [{"name": "bleu", "threshold": 0.1}]}}), "path": "/spec/models/0/evaluation/metrics/0/threshold"},
	"perplexity too high": {"input": fx.model({"evaluation": {"metrics": [{"name": "groundedness", "threshold": 0.9}, {"name": "perplexity", "threshold": 80}]}}), "path": "/spec/models/0/evaluation/metrics/1/threshold"},
}

allowed_cases := {
	"strict": fx.base,
	"at floor": fx.model({"evaluation": {"metrics": [{"name": "rougeL", "threshold": 0.3}]}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-EVAL-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
