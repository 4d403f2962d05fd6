package llmops.spec.evidence.baseline_regression_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evidence.baseline_regression as check

baseline(name, value) := ev.evidence({
	"subject": {"model": {"digest": "sha256:3333333333333333333333333333333333333333333333333333333333333333"}},
	"results": {"metrics": [{"name": name, "value": value, "sampleSize": 500}]},
	"loaded": {"file": "baseline.yaml"},
})

denied_cases := {
	"absolute drop beyond the default": {"input": ev.with_baseline([ev.doc], [baseline("groundedness", 0.96)]), "path": "/spec/models/0/evaluation/metrics/0"},
	"relative rise of a ceiling metric": {"input": ev.with_baseline([ev.doc], [baseline("toxicity", 0.002)]), "path": "/spec/models/0/evaluation/metrics/2"},
	"beyond the spec's allowance": {
		"input": object.union(
			fx.model({"evaluation": object.union(fx.base.spec.models[0].evaluation, {"regression": {"maxAbsoluteDecrease": 0.001, "maxRelativeDecrease": 0.001}})}),
			{"evidence": [ev.doc], "baseline": [baseline("factuality", 0.905)]},
		),
		"path": "/spec/models/0/evaluation/metrics/1",
	},
}

allowed_cases := {
	"improvement": ev.with_baseline([ev.doc], [baseline("groundedness", 0.9)]),
	"within the allowance": ev.with_baseline([ev.doc], [baseline("groundedness", 0.94)]),
	"baseline on another dataset version": ev.with_baseline([ev.doc], [object.union(baseline("groundedness", 0.99), {"subject": {"dataset": {"version": "2025.01"}}})]),
	"no baseline given": ev.passing,
	"evidence not evaluated": fx.base,
	"warn gate": object.union(ev.warn_gate([ev.doc]), {"baseline": [baseline("groundedness", 0.99)]}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVID-006", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
