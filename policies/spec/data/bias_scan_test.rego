package llmops.spec.data.bias_scan_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.data.bias_scan as check

denied_cases := {
	"high risk without scan": {"input": fx.spec({"useCase": {"riskTier": "high"}}), "path": "/spec/data/sources"},
}

allowed_cases := {
	"limited risk": fx.base,
	"high risk scanned": object.union(fx.source({"qualityChecks": ["schema", "biasScan"]}), {"spec": {"useCase": {"riskTier": "high"}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-DATA-007", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
