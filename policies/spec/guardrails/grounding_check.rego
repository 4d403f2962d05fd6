# METADATA
# title: RAG responses are checked for grounding
# description: >-
#   A grounding check compares the answer with the retrieved passages and catches hallucinated
#   claims.
# scope: package
# custom:
#   id: LLM-GUARD-003
#   severity: medium
#   remediation: >-
#     Turn on spec.guardrails.output.grounding.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.5"]
#     nist-ai-600-1: ["Confabulation"]
#     owasp-llm-2025: ["LLM09:2025"]
package llmops.spec.guardrails.grounding_check

deny contains {"id": "LLM-GUARD-003", "msg": "RAG responses are not checked for grounding", "path": "/spec/guardrails/output/grounding"} if {
	input.spec.pattern == "rag"
	input.spec.guardrails.output.grounding == false
}
