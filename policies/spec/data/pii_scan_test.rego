package llmops.spec.data.pii_scan_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.data.pii_scan as check

denied_cases := {
	"personal without scan": {"input": fx.source({"containsPersonalData": true}), "path": "/spec/data/sources/0/qualityChecks"},
}

allowed_cases := {
	"no personal data": fx.base,
	"scanned": fx.source({"containsPersonalData": true, "qualityChecks": ["schema", "piiScan"]}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-DATA-005", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
