package llmops.spec.evidence.evidence_binding_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evidence.evidence_binding as check

denied_cases := {
	"other digest": {"input": ev.with_evidence([ev.evidence({"subject": {"model": {"digest": "sha256:2222222222222222222222222222222222222222222222222222222222222222"}}})]), "path": "/spec/models/0/evaluation"},
	"other dataset version": {"input": ev.with_evidence([ev.evidence({"subject": {"dataset": {"version": "2026.09"}}})]), "path": "/spec/models/0/evaluation"},
	"other prompt template": {"input": ev.with_evidence([ev.evidence({"subject": {"promptTemplateVersion": "airport-rag-v6"}})]), "path": "/spec/models/0/evaluation"},
	"other seed": {"input": ev.with_evidence([ev.evidence({"subject": {"seed": 7}})]), "path": "/spec/models/0/evaluation"},
	"seed not recorded": {"input": ev.with_evidence([json.remove(ev.doc, ["subject/seed"])]), "path": "/spec/models/0/evaluation"},
}

allowed_cases := {
	"passing evidence": ev.passing,
	"a stale document beside a bound one": ev.with_evidence([ev.doc, ev.evidence({"subject": {"seed": 7}})]),
	"evidence not evaluated": fx.base,
	"warn gate": ev.warn_gate([ev.evidence({"subject": {"seed": 7}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVID-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
