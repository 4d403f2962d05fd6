# METADATA
# title: Feedback is reviewed by people
# description: >-
#   Captured feedback is only useful if someone reviews it within a service level; customer-
#   facing stacks need a review queue.
# scope: package
# custom:
#   id: LLM-FB-002
#   severity: high
#   remediation: >-
#     Enable spec.humanFeedback.reviewQueue.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 3.3", "MANAGE 4.1"]
#     eu-ai-act: ["Art. 14", "Art. 72"]
#     iso-42001: ["A.6.2.6"]
package llmops.spec.feedback.review_queue

import data.llmops.lib.spec

deny contains {"id": "LLM-FB-002", "msg": "feedback is captured but nobody reviews it", "path": "/spec/humanFeedback/reviewQueue/enabled"} if {
	count(input.spec.humanFeedback.capture) > 0
	input.spec.humanFeedback.reviewQueue.enabled == false
}

deny contains {"id": "LLM-FB-002", "msg": "customer-facing stack has no feedback review queue", "path": "/spec/humanFeedback/reviewQueue/enabled"} if {
	count(input.spec.humanFeedback.capture) == 0
	spec.customer_facing
	input.spec.humanFeedback.reviewQueue.enabled == false
}
