package llmops.spec.evidence.missing_evidence_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
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

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVID-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
