package llmops.spec.data.rag_tenant_isolation_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.data.rag_tenant_isolation as check

confidential := {"data": {"sources": [{"name": "contracts", "kind": "documents", "classification": "confidential", "containsPersonalData": false, "realtime": false, "qualityChecks": []}]}}

personal := {"data": {"sources": [{"name": "tickets", "kind": "database", "classification": "internal", "containsPersonalData": true, "realtime": false, "qualityChecks": []}]}}

denied_cases := {
	"public, single index, confidential source": {"input": fx.spec(object.union(confidential, {"vectorStore": {"tenancy": "single"}})), "path": "/spec/vectorStore/tenancy"},
	"customers, single index, personal data": {"input": fx.spec(object.union(personal, {"useCase": {"audience": "customers"}, "vectorStore": {"tenancy": "single"}})), "path": "/spec/vectorStore/tenancy"},
}

allowed_cases := {
	"the example: public sources only": fx.base,
	"partitioned per tenant": fx.spec(object.union(confidential, {"vectorStore": {"tenancy": "collectionPerTenant"}})),
	"internal audience": fx.internal_audience(object.union(confidential, {"vectorStore": {"tenancy": "single"}})),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-DATA-010", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
