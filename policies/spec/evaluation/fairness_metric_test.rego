package llmops.spec.evaluation.fairness_metric_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evaluation.fairness_metric as check

deciding := {"riskTier": "high", "regulatedDomain": "credit", "decisionRole": "recommends"}

metrics := fx.base.spec.models[0].evaluation.metrics

with_metrics(use, extra) := object.union(
	fx.spec({"useCase": object.union(fx.base.spec.useCase, use)}),
	{"spec": {"models": [object.union(fx.base.spec.models[0], {"evaluation": object.union(fx.base.spec.models[0].evaluation, {"metrics": array.concat(metrics, extra)})})]}},
)

dpd := {"name": "demographicParityDifference", "threshold": 0.1, "sensitiveFeature": "age-band"}

denied_cases := {
	"recommends about people, no fairness metric": {"input": with_metrics(deciding, []), "path": "/spec/models/0/evaluation/metrics"},
	"decides, no fairness metric": {"input": with_metrics(object.union(deciding, {"decisionRole": "decides"}), []), "path": "/spec/models/0/evaluation/metrics"},
	"fairness metric without its sensitive feature": {
		"input": with_metrics(deciding, [{"name": "equalizedOddsDifference", "threshold": 0.1}]),
		"path": "/spec/models/0/evaluation/metrics/4/sensitiveFeature",
	},
}

allowed_cases := {
	"demographic parity gated": with_metrics(deciding, [dpd]),
	"equalised odds gated": with_metrics(deciding, [object.union(dpd, {"name": "equalizedOddsDifference"})]),
	"explains a decision people take": with_metrics(object.union(deciding, {"decisionRole": "explains"}), []),
	"limited risk recommends": with_metrics(object.union(deciding, {"riskTier": "limited", "regulatedDomain": "none"}), []),
	"no decisions about people": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVAL-006", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
