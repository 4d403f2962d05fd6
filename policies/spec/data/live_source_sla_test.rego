package llmops.spec.data.live_source_sla_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.data.live_source_sla as check

denied_cases := {
	"live feed with a 30-minute SLA": {"input": fx.source({"live": true, "freshnessSla": "PT30M"}), "path": "/spec/data/sources/0/freshnessSla"},
	"live feed with no SLA": {"input": spec_without_sla, "path": "/spec/data/sources/0/freshnessSla"},
	"live feed one second over": {"input": fx.source({"live": true, "freshnessSla": "PT5M1S"}), "path": "/spec/data/sources/0/freshnessSla"},
}

spec_without_sla := fx.spec({"data": {"sources": [json.remove(object.union(fx.base.spec.data.sources[0], {"live": true}), ["freshnessSla"])]}})

allowed_cases := {
	"live feed within a minute": fx.source({"live": true}),
	"live feed at the limit": fx.source({"live": true, "freshnessSla": "PT5M"}),
	"daily source that is not live": fx.source({"live": false, "freshnessSla": "P1D"}),
	"live field absent": fx.source({"freshnessSla": "P1D"}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-DATA-011", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
