package llmops.runtime.aws.gpu_device_plugin_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.gpu_device_plugin as check
import data.llmops.runtime_fixtures_test as fx

node_group(props) := fx.res("aws:eks/nodeGroup:NodeGroup", object.union({"clusterName": "c", "instanceTypes": ["g6.xlarge"]}, props))

plugin_daemonset := object.union(fx.deployment(object.union(fx.good_pod, {"volumes": [{"name": "dp", "hostPath": {"path": "/var/lib/kubelet/device-plugins"}}]})), {"type": "kubernetes:apps/v1:DaemonSet"})

denied_cases := {
	"AL2023 NVIDIA without a plugin": {"input": fx.doc([node_group({"amiType": "AL2023_x86_64_NVIDIA"})]), "path": "/resources/0/props/amiType"},
	"standard AMI on p5": {"input": fx.doc([node_group({"amiType": "AL2023_x86_64_STANDARD", "instanceTypes": ["p5.48xlarge"]})]), "path": "/resources/0/props/amiType"},
	"plugin-less AMI, a Deployment mounting the path is no DaemonSet": {"input": fx.doc([node_group({"amiType": "AL2023_x86_64_NVIDIA"}), object.union(plugin_daemonset, {"type": "kubernetes:apps/v1:Deployment"})]), "path": "/resources/0/props/amiType"},
}

allowed_cases := {
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
