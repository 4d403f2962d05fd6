package llmops.runtime.kubernetes.gpu_node_pool_test

import data.llmops.runtime.kubernetes.gpu_node_pool as check
import data.llmops.runtime_fixtures_test as fx

taint := {"key": "nvidia.com/gpu", "value": "present", "effect": "NoSchedule"}

budgets := {"consolidationPolicy": "WhenEmpty", "consolidateAfter": "300s", "budgets": [{"nodes": "1"}]}

family(values) := {"key": "karpenter.k8s.aws/instance-family", "operator": "In", "values": values}

pool(requirements, taints, disruption) := fx.res("kubernetes:karpenter.sh/v1:NodePool", {
	"metadata": {"name": "gpu-l4"},
	"spec": {
		"template": {"spec": {"requirements": requirements, "taints": taints}},
		"disruption": disruption,
	},
})

denied_cases := {
	"GPU family without the GPU taint": {"input": fx.doc([pool([family(["g6"])], [], budgets)]), "path": "/resources/0/props/spec/template/spec/taints"},
	"GPU taint as PreferNoSchedule": {"input": fx.doc([pool([family(["g6"])], [object.union(taint, {"effect": "PreferNoSchedule"})], budgets)]), "path": "/resources/0/props/spec/template/spec/taints"},
	"GPU instance types without budgets": {"input": fx.doc([pool([{"key": "node.kubernetes.io/instance-type", "operator": "In", "values": ["p5.48xlarge"]}], [taint], {"consolidationPolicy": "WhenEmpty"})]), "path": "/resources/0/props/spec/disruption"},
	"GPU count requirement, empty budgets": {"input": fx.doc([pool([{"key": "karpenter.k8s.aws/instance-gpu-count", "operator": "Gt", "values": ["0"]}], [taint], {"budgets": []})]), "path": "/resources/0/props/spec/disruption"},
	"GPU limits on a v1beta1 pool without budgets": {"input": fx.doc([object.union(pool([], [taint], {}), {"type": "kubernetes:karpenter.sh/v1beta1:NodePool", "props": {"spec": {"limits": {"nvidia.com/gpu": "8"}, "template": {"spec": {"taints": [taint]}}}}})]), "path": "/resources/0/props/spec/disruption"},
}

allowed_cases := {
	"tainted GPU pool with a budget": fx.doc([pool([family(["g6"])], [taint], budgets)]),
	"NoExecute GPU taint": fx.doc([pool([family(["p5"])], [object.union(taint, {"effect": "NoExecute"})], budgets)]),
	"CPU pool without taint or budgets": fx.doc([pool([family(["m6i", "c7i"])], [], {})]),
	"pool that excludes GPU families": fx.doc([pool([{"key": "karpenter.k8s.aws/instance-family", "operator": "NotIn", "values": ["g6", "p5"]}], [], {})]),
	"GPU count must not exist": fx.doc([pool([{"key": "karpenter.k8s.aws/instance-gpu-count", "operator": "DoesNotExist"}], [], {})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-052", tc.path]}
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

# Both gaps at once: two findings, one per path.
test_both_gaps if {
	found := check.deny with input as fx.doc([pool([family(["g6e"])], [], {})])
	{f.path | some f in found} == {"/resources/0/props/spec/template/spec/taints", "/resources/0/props/spec/disruption"}
}
