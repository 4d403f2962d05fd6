# METADATA
# title: RAG answers cite their sources
# description: >-
#   Citations let users and reviewers check an answer against the retrieved documents and
#   expose ungrounded answers.
# scope: package
# custom:
#   id: LLM-EXPL-001
#   severity: high
#   remediation: >-
#     Set spec.explainability.citations to true.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.9"]
#     eu-ai-act: ["Art. 13"]
#     nist-ai-600-1: ["Confabulation"]
#     owasp-llm-2025: ["LLM09:2025"]
#     iso-42001: ["A.8.2"]
package llmops.spec.explainability.rag_citations

deny contains {"id": "LLM-EXPL-001", "msg": "RAG answers do not cite their sources", "path": "/spec/explainability/citations"} if {
	input.spec.pattern == "rag"
	input.spec.explainability.citations == false
}
