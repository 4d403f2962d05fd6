# METADATA
# title: Audit records name the model version and the policy revision
# description: >-
#   An audit record is only evidence if it says which model answered and which policy bundle
#   allowed the deployment.
# scope: package
# custom:
#   id: LLM-AUDIT-003
#   severity: medium
#   remediation: >-
#     Set observability.audit.recordModelVersion and recordPolicyRevision to true.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.8"]
#     eu-ai-act: ["Art. 12"]
#     iso-42001: ["A.6.2.8"]
package llmops.spec.audit.audit_content

deny contains {"id": "LLM-AUDIT-003", "msg": msg, "path": sprintf("/spec/observability/audit/%s", [field])} if {
	some field in ["recordModelVersion", "recordPolicyRevision"]
	input.spec.observability.audit[field] == false
	msg := sprintf("audit records do not %s", [field])
}
