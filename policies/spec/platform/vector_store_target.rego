# METADATA
# title: The declared vector store is one the target builds
# description: >-
#   A vector store the spec declares must be built, with its encryption, private reachability
#   and per-role access. Target kubernetes builds only in-cluster engines (Qdrant, pgvector), and
#   an AWS stack without a cluster (embedded, no self-hosted model) has nowhere to put one; such
#   a spec would otherwise plan without any vector store and without a word.
# scope: package
# custom:
#   id: LLM-PLAT-003
#   severity: high
#   remediation: >-
#     Choose a spec.vectorStore.engine the target builds (target kubernetes: qdrant or pgvector;
#     the managed engines need target aws), or serve a model in the stack so that it has a
#     cluster, or remove spec.vectorStore.
#   frameworks:
#     nist-ai-rmf: ["MANAGE 1.3"]
#     nist-ai-600-1: ["Information Security"]
#     owasp-llm-2025: ["LLM08:2025"]
package llmops.spec.platform.vector_store_target

import data.llmops.lib.spec

deny contains {"id": "LLM-PLAT-003", "msg": msg, "path": "/spec/vectorStore/engine"} if {
	engine := input.spec.vectorStore.engine
	provider := input.spec.target.provider
	not engine in spec.params.vector_engines_by_target[provider]
	msg := sprintf("spec.vectorStore.engine %s is not built on target %s (it builds: %s)", [engine, provider, concat(", ", spec.params.vector_engines_by_target[provider])])
}

deny contains {"id": "LLM-PLAT-003", "msg": msg, "path": "/spec/vectorStore/engine"} if {
	input.spec.vectorStore.engine
	input.spec.target.provider == "aws"
	not spec.has_cluster
	msg := "spec.vectorStore is declared but this aws stack builds no cluster or network to put it in (pattern embedded serving no model itself)"
}
