package llmops.spec.evaluation.metric_floors_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evaluation.metric_floors as check

denied_cases := {
	"bleu too low": {"input": fx.model({"evaluation": {"metrics": [{"name": "bleu", "threshold": 0.1}]}}), "path": "/spec/models/0/evaluation/metrics/0/threshold"},
	"perplexity too high": {"input": fx.model({"evaluation": {"metrics": [{"name": "groundedness", "threshold": 0.9}, {"name": "perplexity", "threshold": 80}]}}), "path": "/spec/models/0/evaluation/metrics/1/threshold"},
}

allowed_cases := {
	"strict": fx.base,
	"at floor": fx.model({"evaluation": {"metrics": [{"name": "rougeL", "threshold": 0.3}]}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVAL-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
