# METADATA
# title: GPU replicas stay under the stack's and the organisation's ceiling
# description: >-
#   Autoscaling on GPUs is the most expensive failure mode; the sum of maximum GPU replicas is
#   capped.
# scope: package
# custom:
#   id: LLM-GUARD-006
#   severity: medium
#   remediation: >-
#     Lower replicas.max of GPU models, or raise spec.guardrails.maxGpuReplicas within the
#     organisation's ceiling.
#   frameworks:
#     nist-ai-600-1: ["Environmental Impacts"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.spec.guardrails.gpu_replica_ceiling

import data.llmops.lib.spec

gpu_replicas := sum([model.replicas.max | some model in input.spec.models; model.gpu.count > 0])

deny contains {"id": "LLM-GUARD-006", "msg": msg, "path": "/spec/guardrails/maxGpuReplicas"} if {
	gpu_replicas > input.spec.guardrails.maxGpuReplicas
	msg := sprintf("GPU models may scale to %d replicas; the stack's ceiling is %d", [gpu_replicas, input.spec.guardrails.maxGpuReplicas])
}

deny contains {"id": "LLM-GUARD-006", "msg": msg, "path": "/spec/guardrails/maxGpuReplicas"} if {
	input.spec.guardrails.maxGpuReplicas > spec.params.max_gpu_replicas
	msg := sprintf("the stack's GPU replica ceiling %d exceeds the organisation's %d", [input.spec.guardrails.maxGpuReplicas, spec.params.max_gpu_replicas])
}
