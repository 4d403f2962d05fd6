package llmops.spec.evaluation.memorisation_metric_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evaluation.memorisation_metric as check

personal_dataset := object.union(fx.finetuning_section.datasets[0], {"personalData": true, "consentBasis": "contract", "redaction": "pseudonymised"})

trained(dataset, extra) := object.union(
	fx.finetuning({"datasets": [dataset]}),
	{"spec": {"models": [object.union(fx.base.spec.models[0], {"evaluation": object.union(fx.base.spec.models[0].evaluation, {"metrics": array.concat(fx.base.spec.models[0].evaluation.metrics, extra)})})]}},
)

extraction := {"name": "verbatimExtractionRate", "threshold": 0.001}

denied_cases := {
	"personal data, no memorisation metric": {"input": trained(personal_dataset, []), "path": "/spec/models/0/evaluation/metrics"},
	"special-category data, no memorisation metric": {
		"input": trained(object.union(fx.finetuning_section.datasets[0], {"personalData": true, "specialCategoryData": true, "consentBasis": "explicitConsent", "redaction": "pseudonymised"}), []),
		"path": "/spec/models/0/evaluation/metrics",
	},
	"named output model without it": {
		"input": object.union(trained(personal_dataset, []), {"spec": {"fineTuning": {"outputModel": "llama-31-8b"}}}),
		"path": "/spec/models/0/evaluation/metrics",
	},
}

allowed_cases := {
	"memorisation gated": trained(personal_dataset, [extraction]),
	"anonymised before training": trained(object.union(personal_dataset, {"redaction": "anonymised"}), []),
	"no personal data": trained(fx.finetuning_section.datasets[0], []),
	"another pattern": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVAL-007", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
