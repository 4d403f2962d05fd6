package llmops.spec.evidence.warn_gate_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.spec.evidence.warn_gate as check

denied_cases := {
	"missing evidence": {"input": ev.warn_gate([]), "path": "/spec/models/0/evaluation"},
	"metric below threshold": {"input": ev.warn_gate([ev.metric("factuality", 0.5, 500)]), "path": "/spec/models/0/evaluation/metrics/1"},
	"metric gate warn under a block model gate": {"input": ev.metric_gated([ev.metric("factuality", 0.5, 500)], "block", 1, "warn"), "path": "/spec/models/0/evaluation/metrics/1"},
}

allowed_cases := {
	"passing evidence": ev.warn_gate([ev.doc]),
	"blocking gate reports under its own checks": ev.with_evidence([ev.metric("factuality", 0.5, 500)]),
	"metric gate block under a warn model gate reports under its own check": ev.metric_gated([ev.metric("factuality", 0.5, 500)], "warn", 1, "block"),
	"missing evidence blocks when a metric blocks": ev.metric_gated([], "warn", 1, "block"),
	"evidence not evaluated": object.remove(ev.warn_gate([]), ["evidence"]),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-EVID-009", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
