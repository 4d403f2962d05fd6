# METADATA
# title: Production has an audited break-glass path
# description: >-
#   Emergency access must exist in production, be approved by named people and be audited, so
#   nobody shares standing admin credentials.
# scope: package
# custom:
#   id: LLM-ACC-003
#   severity: high
#   remediation: >-
#     Enable spec.access.breakGlass with audited: true and at least one approver.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 2.1"]
#     nist-ai-600-1: ["Information Security"]
#     eu-ai-act: ["Art. 14"]
#     iso-42001: ["A.3.2"]
package llmops.spec.access.break_glass

import data.llmops.lib.spec

deny contains {"id": "LLM-ACC-003", "msg": "production stack has no break-glass path", "path": "/spec/access/breakGlass/enabled"} if {
	spec.production
	input.spec.access.breakGlass.enabled == false
}

deny contains {"id": "LLM-ACC-003", "msg": "break-glass access is not audited", "path": "/spec/access/breakGlass/audited"} if {
	input.spec.access.breakGlass.enabled == true
	input.spec.access.breakGlass.audited == false
}

deny contains {"id": "LLM-ACC-003", "msg": "break-glass access has no approvers", "path": "/spec/access/breakGlass/approvers"} if {
	input.spec.access.breakGlass.enabled == true
	count(input.spec.access.breakGlass.approvers) == 0
}
