package llmops.spec.evidence.evidence_age_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evidence.evidence_age as check

denied_cases := {
	"older than the default maximum": {"input": ev.with_evidence([ev.evidence({"loaded": {"ageSeconds": 91 * 86400}})]), "path": "/spec/models/0/evaluation"},
	"older than the spec's maximum": {"input": object.union(fx.model({"evaluation": object.union(fx.base.spec.models[0].evaluation, {"maxEvidenceAgeDays": 7})}), {"evidence": [ev.evidence({"loaded": {"ageSeconds": 8 * 86400}})]}), "path": "/spec/models/0/evaluation"},
	"dated in the future": {"input": ev.with_evidence([ev.evidence({"loaded": {"ageSeconds": -3600}})]), "path": "/spec/models/0/evaluation"},
}

allowed_cases := {
	"passing evidence": ev.passing,
	"spec allows older evidence": object.union(fx.model({"evaluation": object.union(fx.base.spec.models[0].evaluation, {"maxEvidenceAgeDays": 365})}), {"evidence": [ev.evidence({"loaded": {"ageSeconds": 200 * 86400}})]}),
	"within clock skew": ev.with_evidence([ev.evidence({"loaded": {"ageSeconds": -60}})]),
	"evidence not evaluated": fx.base,
	"warn gate": ev.warn_gate([ev.evidence({"loaded": {"ageSeconds": 400 * 86400}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVID-005", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
