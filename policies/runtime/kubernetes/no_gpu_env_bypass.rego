# METADATA
# title: Containers that request no GPU do not select GPUs by env
# description: >-
#   NVIDIA_VISIBLE_DEVICES set by hand (all, or device ids) makes the NVIDIA container runtime
#   expose GPUs to a container the device plugin never allocated them to: it escapes the GPU
#   ResourceQuota and reaches other tenants' devices and memory. Node agents are the exception:
#   a workload kind listed in gpu_node_agent_kinds (DaemonSets: the device plugin, DCGM exporter,
#   GPU feature discovery) watches every GPU of its node without claiming one, as NVIDIA's own
#   GPU Operator runs them; LLM-K8S-012 exempts the same kinds from GPU limits.
# scope: package
# custom:
#   id: LLM-K8S-042
#   severity: high
#   remediation: >-
#     Remove NVIDIA_VISIBLE_DEVICES and request the GPU as resources.limits nvidia.com/gpu; the
#     device plugin sets the variable for the devices it allocates.
#   frameworks:
#     owasp-llm-2025: ["LLM10:2025"]
#     nsa-cisa-k8s: ["Network separation: Resource policies"]
package llmops.runtime.kubernetes.no_gpu_env_bypass

import data.llmops.lib.model_servers as servers
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-042", "msg": msg, "path": concat("", [lib.text(pointer), "/env/", format_int(j, 10), "/value"]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	some j, variable in object.get(container, "env", [])
	variable.name == "NVIDIA_VISIBLE_DEVICES"
	is_string(variable.value)
	not lower(trim_space(variable.value)) in {"", "none", "void"}
	not servers.requests_gpu(container)
	not lib.kind_key(input.resources[i].type) in lib.params.gpu_node_agent_kinds
	urn := input.resources[i].urn
	msg := concat("", ["container ", lib.text(container.name), " selects GPUs through NVIDIA_VISIBLE_DEVICES without requesting one"])
}
