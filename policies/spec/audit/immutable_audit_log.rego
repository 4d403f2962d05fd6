# METADATA
# title: An immutable audit log is kept
# description: >-
#   Who asked what, which model answered and which policy allowed it must be recorded in
#   write-once storage (EU AI Act Art. 12).
# scope: package
# custom:
#   id: LLM-AUDIT-001
#   severity: high
#   remediation: >-
#     Keep spec.observability.audit.enabled and .immutable true.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 4.2", "MEASURE 2.8"]
#     eu-ai-act: ["Art. 12", "Art. 19"]
#     nist-ai-600-1: ["Information Integrity"]
#     iso-42001: ["A.6.2.8"]
package llmops.spec.audit.immutable_audit_log

deny contains {"id": "LLM-AUDIT-001", "msg": msg, "path": sprintf("/spec/observability/audit/%s", [field])} if {
	some field in ["enabled", "immutable"]
	input.spec.observability.audit[field] == false
	msg := sprintf("audit log %s is off", [field])
}
