package llmops.spec.data.embedded_source_sla_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.data.embedded_source_sla as check

denied_cases := {
	"one-minute feed embedded": {"input": fx.source({"retrieval": "embedded", "freshnessSla": "PT1M"}), "path": "/spec/data/sources/0/retrieval"},
	"retrieval left to its default": {"input": fx.source({"freshnessSla": "PT2M"}), "path": "/spec/data/sources/0/retrieval"},
}

allowed_cases := {
	"one-minute feed queried live": fx.source({"retrieval": "queried", "freshnessSla": "PT1M"}),
	"five-minute feed embedded": fx.source({"retrieval": "embedded", "freshnessSla": "PT5M"}),
	"daily documents embedded": fx.source({"retrieval": "embedded", "freshnessSla": "P1D"}),
	"not a rag stack": object.union(fx.source({"retrieval": "embedded", "freshnessSla": "PT1M"}), {"spec": {"pattern": "agent"}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-DATA-013", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
