package llmops.spec.evaluation.blocking_gate_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.evaluation.blocking_gate as check

denied_cases := {
	"warn": {"input": fx.model({"evaluation": {"gate": "warn"}}), "path": "/spec/models/0/evaluation/gate"},
}

allowed_cases := {
	"block": fx.base,
	"warning gate outside production": fx.staging({"models": [object.union(fx.base.spec.models[0], {"evaluation": object.union(fx.base.spec.models[0].evaluation, {"gate": "warn"})})]}),
	"warning gate on a helper model": fx.helper_model({"evaluation": object.union(fx.base.spec.models[0].evaluation, {"gate": "warn"})}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-EVAL-004", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
