package llmops.spec.data.live_data_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.data.live_data as check

denied_cases := {
	"no realtime source": {"input": fx.source({"realtime": false}), "path": "/spec/data/sources"},
	"stale realtime source": {"input": fx.source({"freshnessSla": "PT1H"}), "path": "/spec/data/sources"},
}

allowed_cases := {
	"one minute": fx.base,
	"not live": object.union(fx.source({"realtime": false}), {"spec": {"useCase": {"dependsOnLiveData": false}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-DATA-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
