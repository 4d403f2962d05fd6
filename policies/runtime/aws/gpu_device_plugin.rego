# METADATA
# title: GPU node groups are served by a device plugin
# description: >-
#   Without a device plugin the kubelet never advertises nvidia.com/gpu, so every pod that asks
#   for a GPU stays Pending on nodes that cost GPU prices. An EKS node group of a GPU instance
#   family is served when its AMI ships the plugin (Bottlerocket NVIDIA) or when the same input
#   holds a DaemonSet that mounts the kubelet's device-plugin directory (the NVIDIA device
#   plugin or the GPU Operator's). A Karpenter NodePool that launches GPU instances is served
#   when its EC2NodeClass selects Bottlerocket (the `bottlerocket@` alias, or amiFamily
#   Bottlerocket), whose NVIDIA variant Karpenter picks for GPU instance types, or when such a
#   DaemonSet is in the input.
# scope: package
# custom:
#   id: LLM-AWS-050
#   severity: medium
#   remediation: >-
#     Use the BOTTLEROCKET_x86_64_NVIDIA AMI type for GPU node groups (the bottlerocket@ alias
#     in a GPU NodePool's EC2NodeClass), or install the NVIDIA device plugin DaemonSet (or the
#     GPU Operator) with the nodes.
#   frameworks:
#     nist-ai-rmf: ["MANAGE 2.2"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.runtime.aws.gpu_device_plugin

import data.llmops.lib.karpenter
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-050", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/amiType"]), "resource": resource.urn} if {
	not device_plugin_daemonset
	some i, resource in input.resources
	resource.type == "aws:eks/nodeGroup:NodeGroup"
	ami := object.get(resource.props, "amiType", "AL2_x86_64")
	not ami in lib.params.device_plugin_ami_types
	some instance_type in object.get(resource.props, "instanceTypes", [])
	split(instance_type, ".")[0] in lib.params.gpu_instance_families
	msg := concat("", [
		"node group ",
		lib.text(resource.name),
		" runs GPU instances (",
		lib.text(instance_type),
		") on ",
		lib.text(ami),
		", which ships no device plugin, and no device-plugin DaemonSet is installed",
	])
}

deny contains {"id": "LLM-AWS-050", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/spec/amiSelectorTerms"]), "resource": node_class.urn} if {
	not device_plugin_daemonset
	some i, node_class in input.resources
	node_class.type in karpenter.node_class_types
	not bottlerocket(node_class)
	some pool in input.resources
	pool.type in karpenter.node_pool_types
	karpenter.launches_from(pool, node_class)
	karpenter.gpu_pool(pool)
	msg := concat("", [
		"GPU NodePool ",
		lib.text(karpenter.name(pool)),
		" launches from EC2NodeClass ",
		lib.text(karpenter.name(node_class)),
		", whose AMI is not Bottlerocket (which ships the device plugin), and no device-plugin DaemonSet is installed",
	])
}

bottlerocket(node_class) if {
	terms := object.get(node_class.props, ["spec", "amiSelectorTerms"], [])
	count(terms) > 0
	every term in terms {
		startswith(object.get(term, "alias", ""), "bottlerocket@")
	}
}

bottlerocket(node_class) if {
	object.get(node_class.props, ["spec", "amiFamily"], "") == "Bottlerocket"
	count(object.get(node_class.props, ["spec", "amiSelectorTerms"], [])) == 0
}

device_plugin_daemonset if {
	some [i, _, pod] in lib.pod_specs
	input.resources[i].type == "kubernetes:apps/v1:DaemonSet"
	some volume in object.get(pod, "volumes", [])
	trim_suffix(object.get(volume, ["hostPath", "path"], ""), "/") == lib.params.device_plugin_host_path
}
