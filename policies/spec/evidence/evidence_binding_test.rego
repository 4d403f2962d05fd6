package llmops.spec.evidence.evidence_binding_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.fixtures_test as fx
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

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-EVID-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
