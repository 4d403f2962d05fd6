# METADATA
# title: GPU model servers fit the nodes they select
# description: >-
#   A pod that claims GPUs and requests more CPU, memory or GPUs than any node it may land on
#   offers stays Pending while the autoscaler cannot help: no size it may launch fits. The nodes
#   a pod may land on are the instance type its nodeSelector names, the instance types its
#   required node affinity allows (as the vLLM production-stack chart and the ai-on-eks
#   blueprints pin them), or the sizes of the Karpenter
#   NodePools and EKS node groups in the same input that carry the GPU type it selects
#   (llmops.dev/gpu). What a node offers to pods is data.yaml gpu_node_available: allocatable
#   less the kubelet, system and eviction reservations and the DaemonSets every GPU node runs
#   (components/aws/gpu-instance-types.ts computes the same table). Sizes outside the table are
#   not judged.
# scope: package
# custom:
#   id: LLM-K8S-053
#   severity: medium
#   remediation: >-
#     Size the replica's requests from the node's allocatable after reservations and DaemonSets
#     (llmops sizes them from the GPU instance table), or allow a larger instance size.
#   frameworks:
#     nist-ai-rmf: ["MANAGE 2.2"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.runtime.kubernetes.gpu_node_fit

import data.llmops.lib.karpenter
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-053", "msg": msg, "path": concat("", [lib.text(pointer), "/containers"]), "resource": urn} if {
	some [i, pointer, pod] in lib.pod_specs
	urn := input.resources[i].urn
	wanted := requests(pod)
	wanted.gpus > 0
	sizes := candidates(pod)
	count(sizes) > 0
	every size in sizes { lib.params.gpu_node_available[size] }
	not fits_one(wanted, sizes)
	msg := concat("", [
		"pod requests ", format_int(wanted.cpu_milli, 10), "m CPU, ", format_int(wanted.memory_mib, 10), " MiB and ",
		format_int(wanted.gpus, 10), " GPUs; none of the nodes it may land on (", concat(", ", sort([s | some s in sizes])),
		") offers that after reservations and DaemonSets",
	])
}

fits_one(wanted, sizes) if {
	some size in sizes
	node := lib.params.gpu_node_available[size]
	wanted.cpu_milli <= node.cpu_milli
	wanted.memory_mib <= node.memory_mib
	wanted.gpus <= node.gpus
}

# The pod's containers' requests (a limit stands for a missing request, as the API server defaults it).
requests(pod) := {
	"cpu_milli": sum([cpu_milli(request(c, "cpu")) | some c in object.get(pod, "containers", [])]),
	"memory_mib": sum([memory_mib(request(c, "memory")) | some c in object.get(pod, "containers", [])]),
	"gpus": sum([to_number(request(c, "nvidia.com/gpu")) | some c in object.get(pod, "containers", [])]),
}

request(container, name) := value if {
	value := object.get(container, ["resources", "requests", name], object.get(container, ["resources", "limits", name], "0"))
	regex.match(`^[0-9]+(\.[0-9]+)?([mkMGT]i?|Ki)?$`, sprintf("%v", [value]))
} else := "0"

cpu_milli(value) := ceil(to_number(trim_suffix(text, "m"))) if {
	text := sprintf("%v", [value])
	endswith(text, "m")
} else := ceil(to_number(sprintf("%v", [value])) * 1000)

memory_factors := {"Ki": 1 / 1024, "Mi": 1, "Gi": 1024, "Ti": 1048576, "k": 1000 / 1048576, "M": 1000000 / 1048576, "G": 1000000000 / 1048576, "T": 1000000000000 / 1048576}

memory_mib(value) := ceil(to_number(trim_suffix(text, suffix)) * memory_factors[suffix]) if {
	text := sprintf("%v", [value])
	some suffix, _ in memory_factors
	endswith(text, suffix)
	regex.match(`^[0-9]+(\.[0-9]+)?$`, trim_suffix(text, suffix))
} else := ceil(to_number(sprintf("%v", [value])) / 1048576)

# Instance types the pod may land on.
candidates(pod) := {size} if {
	size := object.get(pod, ["nodeSelector", "node.kubernetes.io/instance-type"], null)
	is_string(size)
} else := sizes if {
	# Required node affinity on the instance type (the terms are ORed: any size any term allows).
	sizes := affinity_sizes(pod)
	count(sizes) > 0
} else := sizes if {
	gpu := object.get(pod, ["nodeSelector", "llmops.dev/gpu"], null)
	is_string(gpu)
	sizes := pool_sizes(gpu) | group_sizes(gpu)
}

affinity_sizes(pod) := {size |
	some term in object.get(pod, ["affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"], [])
	some expression in object.get(term, "matchExpressions", [])
	expression.key == "node.kubernetes.io/instance-type"
	object.get(expression, "operator", "") == "In"
	some size in object.get(expression, "values", [])
}

pool_sizes(gpu) := {size |
	some pool in input.resources
	pool.type in karpenter.node_pool_types
	object.get(pool.props, ["spec", "template", "metadata", "labels", "llmops.dev/gpu"], null) == gpu
	some requirement in karpenter.requirements(pool)
	requirement.key == "node.kubernetes.io/instance-type"
	object.get(requirement, "operator", "") == "In"
	some size in requirement.values
}

group_sizes(gpu) := {size |
	some group in input.resources
	group.type == "aws:eks/nodeGroup:NodeGroup"
	object.get(group.props, ["labels", "llmops.dev/gpu"], null) == gpu
	some size in object.get(group.props, "instanceTypes", [])
}
