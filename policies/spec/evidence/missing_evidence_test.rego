package llmops.spec.evidence.missing_evidence_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.fixtures_test as fx
import data.llmops.spec.evidence.missing_evidence as check

denied_cases := {
	"no document names the model": {"input": ev.with_evidence([ev.evidence({"subject": {"model": {"name": "other-model", "digest": "sha256:1111111111111111111111111111111111111111111111111111111111111111"}}})]), "path": "/spec/models/0/evaluation"},
	"evidence flag with no documents": {"input": ev.with_evidence([]), "path": "/spec/models/0/evaluation"},
	"warn model gate with a blocking metric": {"input": ev.metric_gated([], "warn", 1, "block"), "path": "/spec/models/0/evaluation"},
}

allowed_cases := {
	"passing evidence": ev.passing,
	"evidence not evaluated": fx.base,
	"warn gate": ev.warn_gate([]),
	"helper model needs none": object.union(fx.helper_model({}), {"evidence": []}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-EVID-001", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
