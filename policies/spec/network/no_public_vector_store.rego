# METADATA
# title: The vector store is never publicly reachable
# description: >-
#   Embeddings can be inverted to recover source text; the vector store must only be reachable
#   from the retriever inside the private network.
# scope: package
# custom:
#   id: LLM-NET-002
#   severity: critical
#   remediation: >-
#     Set spec.network.publicIngress.vectorStore to false.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Data Privacy", "Information Security"]
#     owasp-llm-2025: ["LLM08:2025"]
package llmops.spec.network.no_public_vector_store

deny contains {"id": "LLM-NET-002", "msg": "the vector store is exposed to public ingress", "path": "/spec/network/publicIngress/vectorStore"} if {
	input.spec.network.publicIngress.vectorStore == true
}
