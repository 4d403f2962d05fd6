package llmops.runtime.aws.gpu_device_plugin_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.gpu_device_plugin as check
import data.llmops.runtime_fixtures_test as fx

node_group(props) := fx.res("aws:eks/nodeGroup:NodeGroup", object.union({"clusterName": "c", "instanceTypes": ["g6.xlarge"]}, props))

plugin_daemonset := object.union(fx.deployment(object.union(fx.good_pod, {"volumes": [{"name": "dp", "hostPath": {"path": "/var/lib/kubelet/device-plugins"}}]})), {"type": "kubernetes:apps/v1:DaemonSet"})

node_class(terms) := fx.res("kubernetes:karpenter.k8s.aws/v1:EC2NodeClass", {"metadata": {"name": "gpu"}, "spec": {"amiSelectorTerms": terms}})

node_pool(class_name, family) := fx.res("kubernetes:karpenter.sh/v1:NodePool", {"metadata": {"name": "gpu-l4"}, "spec": {"template": {"spec": {
	"nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": class_name},
	"requirements": [{"key": "karpenter.k8s.aws/instance-family", "operator": "In", "values": [family]}],
}}}})

denied_cases := {
	"Karpenter GPU pool on AL2023": {"input": fx.doc([node_class([{"alias": "al2023@latest"}]), node_pool("gpu", "g6")]), "path": "/resources/0/props/spec/amiSelectorTerms"},
	"Karpenter GPU pool on a custom AMI id": {"input": fx.doc([node_pool("gpu", "p5"), node_class([{"id": "ami-0123456789abcdef0"}])]), "path": "/resources/1/props/spec/amiSelectorTerms"},
	"Karpenter: Bottlerocket or anything": {"input": fx.doc([node_class([{"alias": "bottlerocket@latest"}, {"tags": {"team": "ml"}}]), node_pool("gpu", "g6")]), "path": "/resources/0/props/spec/amiSelectorTerms"},
	"AL2023 NVIDIA without a plugin": {"input": fx.doc([node_group({"amiType": "AL2023_x86_64_NVIDIA"})]), "path": "/resources/0/props/amiType"},
	"standard AMI on p5": {"input": fx.doc([node_group({"amiType": "AL2023_x86_64_STANDARD", "instanceTypes": ["p5.48xlarge"]})]), "path": "/resources/0/props/amiType"},
	"plugin-less AMI, a Deployment mounting the path is no DaemonSet": {"input": fx.doc([node_group({"amiType": "AL2023_x86_64_NVIDIA"}), object.union(plugin_daemonset, {"type": "kubernetes:apps/v1:Deployment"})]), "path": "/resources/0/props/amiType"},
}

allowed_cases := {
	"Karpenter GPU pool on Bottlerocket": fx.doc([node_class([{"alias": "bottlerocket@latest"}]), node_pool("gpu", "g6")]),
	"Karpenter v1beta1 amiFamily Bottlerocket": fx.doc([object.union(node_class([]), {"type": "kubernetes:karpenter.k8s.aws/v1beta1:EC2NodeClass", "props": {"spec": {"amiFamily": "Bottlerocket"}}}), node_pool("gpu", "g6")]),
	"Karpenter AL2023 with the plugin DaemonSet": fx.doc([node_class([{"alias": "al2023@latest"}]), node_pool("gpu", "g6"), plugin_daemonset]),
	"Karpenter CPU pool on AL2023": fx.doc([node_class([{"alias": "al2023@latest"}]), node_pool("gpu", "m6i")]),
	"Karpenter GPU pool on another class": fx.doc([node_class([{"alias": "al2023@latest"}]), node_pool("other", "g6")]),
	"Bottlerocket NVIDIA": fx.doc([node_group({"amiType": "BOTTLEROCKET_x86_64_NVIDIA"})]),
	"AL2023 NVIDIA with the plugin DaemonSet": fx.doc([node_group({"amiType": "AL2023_x86_64_NVIDIA"}), plugin_daemonset]),
	"CPU node group": fx.doc([node_group({"amiType": "AL2023_x86_64_STANDARD", "instanceTypes": ["m6i.large"]})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-050", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
