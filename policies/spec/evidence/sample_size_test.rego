package llmops.spec.evidence.sample_size_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evidence.sample_size as check

denied_cases := {"human evaluation on too few items": {"input": ev.with_evidence([ev.metric("humanEval", 4.2, 40)]), "path": "/spec/models/0/evaluation/metrics/3/sampleSize"}}

allowed_cases := {
	"passing evidence": ev.passing,
	"more items than required": ev.with_evidence([ev.metric("humanEval", 4.2, 400)]),
	"evidence not evaluated": fx.base,
	"warn gate": ev.warn_gate([ev.metric("humanEval", 4.2, 40)]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVID-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
