package llmops.spec.data.pii_scan_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.data.pii_scan as check

denied_cases := {
	"personal without scan": {"input": fx.source({"containsPersonalData": true}), "path": "/spec/data/sources/0/qualityChecks"},
}

allowed_cases := {
	"no personal data": fx.base,
	"scanned": fx.source({"containsPersonalData": true, "qualityChecks": ["schema", "piiScan"]}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-DATA-005", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
