package llmops.spec.evidence.warn_gate_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.lib.testing
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

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVID-009", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
