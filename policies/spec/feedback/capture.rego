# METADATA
# title: Customer-facing stacks capture user feedback
# description: >-
#   Users must be able to flag wrong or harmful answers; that signal drives evaluation and
#   incident response.
# scope: package
# custom:
#   id: LLM-FB-001
#   severity: high
#   remediation: >-
#     Add at least one mechanism to spec.humanFeedback.capture (thumbs, rating, freeText,
#     correction).
#   frameworks:
#     nist-ai-rmf: ["MEASURE 3.3", "GOVERN 5.1"]
#     eu-ai-act: ["Art. 72"]
#     nist-ai-600-1: ["Human-AI Configuration"]
#     iso-42001: ["A.8.3"]
package llmops.spec.feedback.capture

import data.llmops.lib.spec

deny contains {"id": "LLM-FB-001", "msg": "customer-facing stack captures no user feedback", "path": "/spec/humanFeedback/capture"} if {
	spec.customer_facing
	count(input.spec.humanFeedback.capture) == 0
}
