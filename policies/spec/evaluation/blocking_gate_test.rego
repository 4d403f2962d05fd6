package llmops.spec.evaluation.blocking_gate_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evaluation.blocking_gate as check

denied_cases := {
	"warn": {"input": fx.model({"evaluation": {"gate": "warn"}}), "path": "/spec/models/0/evaluation/gate"},
}

allowed_cases := {
	"block": fx.base,
	"warning gate outside production": fx.staging({"models": [object.union(fx.base.spec.models[0], {"evaluation": object.union(fx.base.spec.models[0].evaluation, {"gate": "warn"})})]}),
	"warning gate on a helper model": fx.helper_model({"evaluation": object.union(fx.base.spec.models[0].evaluation, {"gate": "warn"})}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVAL-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
