package llmops.runtime.kubernetes.gpu_node_fit_test

import data.llmops.runtime.kubernetes.gpu_node_fit as check
import data.llmops.runtime_fixtures_test as fx

server(cpu, memory, gpus, selector) := fx.deployment(object.union(fx.good_pod, {
	"nodeSelector": selector,
	"containers": [object.union(fx.good_container, {"resources": {"requests": {"cpu": cpu, "memory": memory}, "limits": {"memory": memory, "nvidia.com/gpu": gpus}}})],
}))

pool(gpu, sizes) := fx.res("kubernetes:karpenter.sh/v1:NodePool", {"metadata": {"name": "gpu"}, "spec": {"template": {
	"metadata": {"labels": {"llmops.dev/gpu": gpu}},
	"spec": {"requirements": [{"key": "node.kubernetes.io/instance-type", "operator": "In", "values": sizes}]},
}}})

group(gpu, sizes) := fx.res("aws:eks/nodeGroup:NodeGroup", {"labels": {"llmops.dev/gpu": gpu}, "instanceTypes": sizes})

containers := "/resources/0/props/spec/template/spec/containers"

# As the vLLM production-stack chart renders a serving engine: node affinity on the instance type.
affine(cpu, memory, sizes) := fx.deployment(object.union(fx.good_pod, {
	"affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [{"matchExpressions": [{"key": "node.kubernetes.io/instance-type", "operator": "In", "values": sizes}]}]}}},
	"containers": [object.union(fx.good_container, {"name": "vllm", "resources": {"requests": {"cpu": cpu, "memory": memory, "nvidia.com/gpu": "1"}, "limits": {"memory": memory, "nvidia.com/gpu": "1"}}})],
}))

denied_cases := {
	"4 CPU and 16 GiB on g6.xlarge (the issue's L4 pool)": {"input": fx.doc([server("4", "16Gi", "1", {"node.kubernetes.io/instance-type": "g6.xlarge"})]), "path": containers},
	"memory past the largest size of the NodePool": {"input": fx.doc([server("3", "30000Mi", "1", {"llmops.dev/gpu": "L4"}), pool("L4", ["g6.xlarge", "g6.2xlarge"])]), "path": containers},
	"more GPUs than the node group's size holds": {"input": fx.doc([server("8", "32Gi", 2, {"llmops.dev/gpu": "A10G"}), group("A10G", ["g5.2xlarge"])]), "path": containers},
	"node affinity on g5.xlarge, 4 CPU and 16 GiB": {"input": fx.doc([affine("4", "16Gi", ["g5.xlarge"])]), "path": containers},
	"CPU in millicores past the node": {"input": fx.doc([server("3500m", "8Gi", "1", {"node.kubernetes.io/instance-type": "g5.xlarge"})]), "path": containers},
}

allowed_cases := {
	"requests sized from the table": fx.doc([server("3400m", "12288Mi", "1", {"node.kubernetes.io/instance-type": "g6.xlarge"})]),
	"node affinity allowing a larger size": fx.doc([affine("4", "16Gi", ["g5.xlarge", "g5.2xlarge"])]),
	"a larger size in the NodePool fits": fx.doc([server("3", "30000Mi", "1", {"llmops.dev/gpu": "L4"}), pool("L4", ["g6.xlarge", "g6.4xlarge"])]),
	"decimal gigabytes": fx.doc([server("2", "12G", "1", {"node.kubernetes.io/instance-type": "g6.xlarge"})]),
	"no node in the input for the GPU type": fx.doc([server("400", "4Ti", "8", {"llmops.dev/gpu": "H100"})]),
	"a size outside the table": fx.doc([server("400", "4Ti", "8", {"node.kubernetes.io/instance-type": "p6-b200.48xlarge"})]),
	"a pool of another GPU type": fx.doc([server("4", "16Gi", "1", {"llmops.dev/gpu": "L4"}), pool("L40S", ["g6e.xlarge"])]),
	"no GPU": fx.doc([server("4", "16Gi", "0", {"node.kubernetes.io/instance-type": "g6.xlarge"})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-053", tc.path]}
	every f in found { f.resource != "" }
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}

# The denied inputs with every resource retyped to a type no check knows yield nothing.
test_other_types_pass[note] if {
	some note, tc in denied_cases
	found := check.deny with input as fx.retyped(tc.input)
	count(found) == 0
}

test_quantities if {
	check.cpu_milli("3800m") == 3800
	check.cpu_milli("2.5") == 2500
	check.cpu_milli(4) == 4000
	check.memory_mib("16Gi") == 16384
	check.memory_mib("512Ki") == 1
	check.memory_mib("1G") == 954
	check.memory_mib(1048576) == 1
}
