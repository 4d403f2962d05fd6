package llmops.spec.data.live_data_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.data.live_data as check

denied_cases := {
	"no realtime source": {"input": fx.source({"realtime": false}), "path": "/spec/data/sources"},
	"stale realtime source": {"input": fx.source({"freshnessSla": "PT1H"}), "path": "/spec/data/sources"},
}

allowed_cases := {
	"one minute": fx.base,
	"not live": object.union(fx.source({"realtime": false}), {"spec": {"useCase": {"dependsOnLiveData": false}}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-DATA-004", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
