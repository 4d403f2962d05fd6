package llmops.spec.blackbox.zero_retention_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.blackbox.zero_retention as check

denied_cases := {
	"retained": {"input": object.union(fx.blackbox({"dataRetentionAgreement": {"zeroRetention": false}}), {"spec": {"data": {"sources": [object.union(fx.base.spec.data.sources[0], {"classification": "restricted"})]}}}), "path": "/spec/blackBoxApi/dataRetentionAgreement/zeroRetention"},
}

allowed_cases := {
	"zero": fx.blackbox({}),
	"retaining provider, nothing sensitive": fx.spec({"pattern": "blackBoxApi", "data": fx.public_data, "blackBoxApi": {"dataRetentionAgreement": {"zeroRetention": false, "reference": "DPA-1"}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-BBX-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
