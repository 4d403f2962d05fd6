# METADATA
# title: GPU NodePools are tainted and pace their disruptions
# description: >-
#   A Karpenter NodePool that launches GPU instances must taint its nodes (nvidia.com/gpu,
#   NoSchedule), or any pod lands on GPU-priced nodes and can take the room a model replica was
#   sized for; and it must state its disruption budgets, or Karpenter's default (10 % of the
#   nodes at once) drains several serving nodes together, each replica reloading its weights.
#   A NodePool is a GPU pool when its requirements name a GPU instance family or type, or a GPU
#   count, name, manufacturer or memory, or its limits count nvidia.com/gpu.
# scope: package
# custom:
#   id: LLM-K8S-052
#   severity: medium
#   remediation: >-
#     Add the taint {key: nvidia.com/gpu, value: present, effect: NoSchedule} to
#     spec.template.spec.taints and explicit spec.disruption.budgets (for example nodes: "1"),
#     with consolidationPolicy WhenEmpty so serving replicas are never repacked.
#   frameworks:
#     nist-ai-rmf: ["MANAGE 2.2"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.runtime.kubernetes.gpu_node_pool

import data.llmops.lib.karpenter
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-052", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/spec/template/spec/taints"]), "resource": pool.urn} if {
	some i, pool in input.resources
	pool.type in karpenter.node_pool_types
	karpenter.gpu_pool(pool)
	not gpu_taint(pool)
	msg := concat("", ["GPU NodePool ", lib.text(karpenter.name(pool)), " does not taint its nodes nvidia.com/gpu:NoSchedule, so any pod can land on its GPU nodes"])
}

deny contains {"id": "LLM-K8S-052", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/spec/disruption"]), "resource": pool.urn} if {
	some i, pool in input.resources
	pool.type in karpenter.node_pool_types
	karpenter.gpu_pool(pool)
	count(object.get(pool.props, ["spec", "disruption", "budgets"], [])) == 0
	msg := concat("", ["GPU NodePool ", lib.text(karpenter.name(pool)), " states no disruption budgets, so Karpenter may drain 10 % of its serving nodes at once"])
}

gpu_taint(pool) if {
	some taint in object.get(pool.props, ["spec", "template", "spec", "taints"], [])
	taint.key == "nvidia.com/gpu"
	taint.effect in {"NoSchedule", "NoExecute"}
}
