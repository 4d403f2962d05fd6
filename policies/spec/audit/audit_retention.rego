# METADATA
# title: Audit records are kept long enough
# description: >-
#   Audit logs must outlive the incidents and complaints they serve; high-risk systems keep
#   them longer.
# scope: package
# custom:
#   id: LLM-AUDIT-002
#   severity: medium
#   remediation: >-
#     Raise spec.observability.audit.retentionDays to the minimum in policies/data.yaml.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.8"]
#     eu-ai-act: ["Art. 12", "Art. 19"]
#     iso-42001: ["A.6.2.8"]
package llmops.spec.audit.audit_retention

import data.llmops.lib.spec

minimum := spec.params.min_audit_retention_days_high_risk if {
	spec.high_risk
} else := spec.params.min_audit_retention_days

deny contains {"id": "LLM-AUDIT-002", "msg": msg, "path": "/spec/observability/audit/retentionDays"} if {
	input.spec.observability.audit.retentionDays < minimum
	msg := sprintf("audit records are kept %d days; at least %d are required", [input.spec.observability.audit.retentionDays, minimum])
}
