# METADATA
# title: Feedback storage has bounded retention and named readers
# description: >-
#   Feedback often contains the user's own words; keep it no longer than needed and say who
#   may read it.
# scope: package
# custom:
#   id: LLM-FB-003
#   severity: medium
#   remediation: >-
#     Set humanFeedback.retentionDays within the maximum and list humanFeedback.accessRoles.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy"]
package llmops.spec.feedback.storage

import data.llmops.lib.spec

deny contains {"id": "LLM-FB-003", "msg": msg, "path": "/spec/humanFeedback/retentionDays"} if {
	input.spec.humanFeedback.retentionDays > spec.params.max_feedback_retention_days
	msg := sprintf("feedback is kept %d days; the maximum is %d", [input.spec.humanFeedback.retentionDays, spec.params.max_feedback_retention_days])
}

deny contains {"id": "LLM-FB-003", "msg": "feedback is captured but no role is named to read it", "path": "/spec/humanFeedback/accessRoles"} if {
	count(input.spec.humanFeedback.capture) > 0
	count(input.spec.humanFeedback.accessRoles) == 0
}
