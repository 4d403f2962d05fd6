package llmops.spec.data.rag_tenancy_built_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.data.rag_tenancy_built as check

sources := [object.union(s, {"tenant": "airline-a"}) | some s in fx.base.spec.data.sources]

tenants := [{"name": "airline-a"}, {"name": "airline-b"}]

qdrant := {"vectorStore": {"engine": "qdrant", "dimensions": 1024, "metric": "cosine", "tenancy": "collectionPerTenant", "tenants": tenants}, "data": {"sources": sources}}

partitioned(patch) := fx.spec(object.union(qdrant, patch))

denied_cases := {
	"qdrant with databasePerTenant": {"input": partitioned({"vectorStore": {"tenancy": "databasePerTenant"}}), "path": "/spec/vectorStore/tenancy"},
	"pgvector with collectionPerTenant": {"input": partitioned({"vectorStore": {"engine": "pgvector"}}), "path": "/spec/vectorStore/tenancy"},
	"namespacePerTenant": {"input": partitioned({"vectorStore": {"tenancy": "namespacePerTenant"}}), "path": "/spec/vectorStore/tenancy"},
	"OpenSearch Serverless with databasePerTenant": {"input": partitioned({"vectorStore": {"engine": "opensearchServerless", "tenancy": "databasePerTenant"}}), "path": "/spec/vectorStore/tenancy"},
	"Aurora pgvector with collectionPerTenant": {"input": partitioned({"vectorStore": {"engine": "auroraPgvector"}}), "path": "/spec/vectorStore/tenancy"},
	"Aurora pgvector per tenant without tenants": {"input": partitioned({"vectorStore": {"engine": "auroraPgvector", "tenancy": "databasePerTenant", "tenants": []}}), "path": "/spec/vectorStore/tenants"},
	"no tenants": {"input": partitioned({"vectorStore": {"tenants": []}}), "path": "/spec/vectorStore/tenants"},
	"a source without its tenant": {"input": partitioned({"data": {"sources": [sources[0], object.remove(sources[1], ["tenant"])]}}), "path": "/spec/data/sources/1"},
	"a source of an unknown tenant": {"input": partitioned({"data": {"sources": [sources[0], object.union(sources[1], {"tenant": "airline-c"})]}}), "path": "/spec/data/sources/1/tenant"},
}

allowed_cases := {
	"single tenancy": fx.base,
	"qdrant, a collection per tenant": partitioned({}),
	"pgvector, a database per tenant": partitioned({"vectorStore": {"engine": "pgvector", "tenancy": "databasePerTenant"}}),
	"OpenSearch Serverless, a collection per tenant": partitioned({"vectorStore": {"engine": "opensearchServerless"}}),
	"Aurora pgvector, a database per tenant": partitioned({"vectorStore": {"engine": "auroraPgvector", "tenancy": "databasePerTenant"}}),
	"a queried source needs no tenant": partitioned({"data": {"sources": [sources[0], object.union(object.remove(sources[1], ["tenant"]), {"retrieval": "queried"})]}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-DATA-014", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
