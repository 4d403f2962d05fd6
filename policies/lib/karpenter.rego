# METADATA
# title: Karpenter NodePools and EC2NodeClasses
# description: >-
#   Which NodePools launch GPU instances (their requirements name a GPU instance family or type,
#   or a GPU count, name, manufacturer or memory; or their limits count nvidia.com/gpu), and the
#   EC2NodeClass a NodePool's nodes are launched from.
# scope: package
package llmops.lib.karpenter

import data.llmops.lib.runtime as lib

node_pool_types := {"kubernetes:karpenter.sh/v1:NodePool", "kubernetes:karpenter.sh/v1beta1:NodePool"}

node_class_types := {"kubernetes:karpenter.k8s.aws/v1:EC2NodeClass", "kubernetes:karpenter.k8s.aws/v1beta1:EC2NodeClass"}

name(resource) := object.get(resource.props, ["metadata", "name"], resource.name)

requirements(pool) := object.get(pool.props, ["spec", "template", "spec", "requirements"], [])

gpu_pool(pool) if {
	some requirement in requirements(pool)
	requirement.key == "karpenter.k8s.aws/instance-family"
	object.get(requirement, "operator", "") == "In"
	some family in object.get(requirement, "values", [])
	family in lib.params.gpu_instance_families
}

gpu_pool(pool) if {
	some requirement in requirements(pool)
	requirement.key == "node.kubernetes.io/instance-type"
	object.get(requirement, "operator", "") == "In"
	some instance_type in object.get(requirement, "values", [])
	split(instance_type, ".")[0] in lib.params.gpu_instance_families
}

gpu_pool(pool) if {
	some requirement in requirements(pool)
	requirement.key in {
		"karpenter.k8s.aws/instance-gpu-count", "karpenter.k8s.aws/instance-gpu-name",
		"karpenter.k8s.aws/instance-gpu-manufacturer", "karpenter.k8s.aws/instance-gpu-memory",
	}
	object.get(requirement, "operator", "") in {"In", "Gt", "Exists"}
}

gpu_pool(pool) if object.get(pool.props, ["spec", "limits", "nvidia.com/gpu"], null) != null

# The pool's nodes come from this EC2NodeClass (v1 nodeClassRef; v1beta1 has the same field).
launches_from(pool, node_class) if {
	object.get(pool.props, ["spec", "template", "spec", "nodeClassRef", "name"], null) == name(node_class)
}
