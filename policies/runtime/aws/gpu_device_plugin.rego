# METADATA
# title: GPU node groups are served by a device plugin
# description: >-
#   Without a device plugin the kubelet never advertises nvidia.com/gpu, so every pod that asks
#   for a GPU stays Pending on nodes that cost GPU prices. An EKS node group of a GPU instance
#   family is served when its AMI ships the plugin (Bottlerocket NVIDIA) or when the same input
#   holds a DaemonSet that mounts the kubelet's device-plugin directory (the NVIDIA device
#   plugin or the GPU Operator's).
# scope: package
# custom:
#   id: LLM-AWS-050
#   severity: medium
#   remediation: >-
#     Use the BOTTLEROCKET_x86_64_NVIDIA AMI type for GPU node groups, or install the NVIDIA
#     device plugin DaemonSet (or the GPU Operator) with the node group.
#   frameworks:
#     nist-ai-rmf: ["MANAGE 2.2"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.runtime.aws.gpu_device_plugin

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

device_plugin_daemonset if {
	some [i, _, pod] in lib.pod_specs
	input.resources[i].type == "kubernetes:apps/v1:DaemonSet"
	some volume in object.get(pod, "volumes", [])
	trim_suffix(object.get(volume, ["hostPath", "path"], ""), "/") == lib.params.device_plugin_host_path
}
