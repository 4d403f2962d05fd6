# METADATA
# title: Full reasoning traces are only logged where logs are redacted
# description: >-
#   Chain-of-thought traces repeat the prompt's personal data; keep them only where log
#   redaction is on.
# scope: package
# custom:
#   id: LLM-EXPL-003
#   severity: medium
#   remediation: >-
#     Set reasoningTraces to summary or none, or turn on spec.privacy.piiRedaction.logs.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.9", "MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.spec.explainability.reasoning_traces

deny contains {"id": "LLM-EXPL-003", "msg": "full reasoning traces are logged without PII redaction of logs", "path": "/spec/explainability/reasoningTraces"} if {
	input.spec.explainability.reasoningTraces == "full"
	input.spec.privacy.piiRedaction.logs == false
}
