package llmops.spec.evidence.metric_threshold_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evidence.metric_threshold as check

denied_cases := {
	"floor metric below threshold": {"input": ev.with_evidence([ev.metric("groundedness", 0.89, 500)]), "path": "/spec/models/0/evaluation/metrics/0"},
	"ceiling metric above threshold": {"input": ev.with_evidence([ev.metric("toxicity", 0.05, 500)]), "path": "/spec/models/0/evaluation/metrics/2"},
	"metric gate block under a warn model gate": {"input": ev.metric_gated([ev.metric("factuality", 0.5, 500)], "warn", 1, "block"), "path": "/spec/models/0/evaluation/metrics/1"},
	"metric not evidenced": {"input": ev.with_evidence([ev.evidence({"results": {"metrics": [m | some m in ev.doc.results.metrics; m.name != "factuality"]}})]), "path": "/spec/models/0/evaluation/metrics/1"},
}

allowed_cases := {
	"passing evidence": ev.passing,
	"exactly at the floor": ev.with_evidence([ev.metric("groundedness", 0.9, 500)]),
	"exactly at the ceiling": ev.with_evidence([ev.metric("toxicity", 0.01, 500)]),
	"metrics split over two documents": ev.with_evidence([
		ev.evidence({"results": {"metrics": array.slice(ev.doc.results.metrics, 0, 2)}}),
		ev.evidence({"results": {"metrics": array.slice(ev.doc.results.metrics, 2, 4)}}),
	]),
	"evidence not evaluated": fx.base,
	"warn gate": ev.warn_gate([ev.metric("groundedness", 0.5, 500)]),
	"metric gate warn under a block model gate": ev.metric_gated([ev.metric("factuality", 0.5, 500)], "block", 1, "warn"),
	"another metric gated block passes": ev.metric_gated([ev.metric("factuality", 0.5, 500)], "warn", 0, "block"),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVID-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
