package llmops.spec.data.bias_scan_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.data.bias_scan as check

denied_cases := {
	"high risk without scan": {"input": fx.spec({"useCase": {"riskTier": "high"}}), "path": "/spec/data/sources"},
}

allowed_cases := {
	"limited risk": fx.base,
	"high risk scanned": object.union(fx.source({"qualityChecks": ["schema", "biasScan"]}), {"spec": {"useCase": {"riskTier": "high"}}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-DATA-007", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
