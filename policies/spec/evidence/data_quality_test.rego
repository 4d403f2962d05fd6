package llmops.spec.evidence.data_quality_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.evidence.data_quality as check

failed(source) := ev.evidence({"results": {"dataQuality": [{"source": source, "check": "duplicates", "passed": false, "rowsChecked": 10, "rowsFailed": 4}]}})

denied_cases := {"failed check on a declared source": {"input": ev.with_evidence([failed("flight-status")]), "path": "/spec/data/sources/0"}}

allowed_cases := {
	"passing evidence": ev.passing,
	"failed check on an undeclared source": ev.with_evidence([failed("not-in-the-spec")]),
	"evidence not evaluated": fx.base,
	"warn gate": ev.warn_gate([failed("flight-status")]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVID-008", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
