package llmops.spec.platform.vector_store_target_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.platform.vector_store_target as check

kubernetes(engine) := fx.spec({"target": {"provider": "kubernetes"}, "vectorStore": {"engine": engine}})

saas_model := object.union(fx.base.spec.models[0], {"serving": {"runtime": "external"}, "source": {"type": "saas", "uri": "saas://crm", "version": "1"}})

embedded_with(engine) := object.union(fx.embedded({}), {"spec": {"models": [saas_model], "vectorStore": {"engine": engine}}})

denied_cases := {
	"kubernetes with aurora": {"input": kubernetes("auroraPgvector"), "path": "/spec/vectorStore/engine"},
	"kubernetes with opensearch": {"input": kubernetes("opensearchServerless"), "path": "/spec/vectorStore/engine"},
	"embedded without a cluster, managed engine": {"input": embedded_with("auroraPgvector"), "path": "/spec/vectorStore/engine"},
	"embedded without a cluster, in-cluster engine": {"input": embedded_with("qdrant"), "path": "/spec/vectorStore/engine"},
}

allowed_cases := {
	"aws with aurora": fx.base,
	"aws with qdrant": fx.spec({"vectorStore": {"engine": "qdrant"}}),
	"kubernetes with qdrant": kubernetes("qdrant"),
	"kubernetes with pgvector": kubernetes("pgvector"),
	"embedded serving its own model": object.union(fx.embedded({}), {"spec": {"vectorStore": {"engine": "pgvector"}}}),
	"kubernetes embedded with qdrant": object.union(embedded_with("qdrant"), {"spec": {"target": {"provider": "kubernetes"}}}),
	"no vector store": json.remove(fx.blackbox({}), ["spec/vectorStore"]),
}

# Each denied case yields exactly this check's id, at the engine.
test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-PLAT-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
