# METADATA
# title: Replica bounds are consistent
# description: >-
#   replicas.min above replicas.max makes the autoscaler's bounds meaningless.
# scope: package
# custom:
#   id: LLM-GUARD-007
#   severity: medium
#   remediation: >-
#     Set replicas.min at or below replicas.max.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.6"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.spec.guardrails.replica_bounds

deny contains {"id": "LLM-GUARD-007", "msg": msg, "path": sprintf("/spec/models/%d/replicas", [i])} if {
	some i, model in input.spec.models
	model.replicas.min > model.replicas.max
	msg := sprintf("model %s has replicas.min %d above replicas.max %d", [model.name, model.replicas.min, model.replicas.max])
}
