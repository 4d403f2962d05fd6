# METADATA
# title: The agent's pods cannot reach a tool server around the tool gateway
# description: >-
#   The tool gateway enforces permissions, step limit and approval only for calls that pass it.
#   Judged from the input's NetworkPolicies: the agent's pods (workloads matching
#   params.agent_network.agent_pod_selectors; without one, pods with those labels in the stack's
#   namespace when the input holds it) can reach a declared in-cluster tool server (its
#   Service's selector, else params.agent_network.tool_pod_labels) if no policy selects them
#   for Egress, or a selecting policy's egress rule admits the tool's pods: a rule without
#   `to`, a matching podSelector in the same namespace, a matching namespaceSelector (with a
#   matching or absent podSelector), or an ipBlock of 0.0.0.0/0 or ::/0. Ports are not
#   compared.
# scope: package
# custom:
#   id: LLM-TOOLS-002
#   severity: high
#   remediation: >-
#     Give the agent's pods an egress NetworkPolicy that admits only the tool gateway (with the
#     namespace's default deny), and remove any egress rule that admits a tool server's pods;
#     the llmops agent stack builds one (agent-egress).
#   frameworks:
#     owasp-llm-2025: ["LLM06:2025"]
#     nist-ai-rmf: ["MANAGE 2.4", "GOVERN 1.4"]
#     eu-ai-act: ["Art. 14"]
#     nist-ai-600-1: ["Human-AI Configuration", "Information Security"]
package llmops.runtime.patterns.agent_direct_tools

import data.llmops.lib.runtime as lib
import data.llmops.lib.selectors

params := data.llmops.params.agent_network

agent := input.spec.spec.agent if input.spec.spec.pattern == "agent"

stack_namespace := object.get(input.spec.spec, ["target", "kubernetes", "namespace"], input.spec.metadata.name)

policy_type := "kubernetes:networking.k8s.io/v1:NetworkPolicy"

# [namespace, labels, resource, path] of the agent's pods in the input's workloads.
workload_agents contains [lib.namespace_of(resource), labels, resource.urn, pointer] if {
	some [i, pointer, _] in lib.pod_specs
	resource := input.resources[i]
	labels := selectors.pod_labels(i, pointer)
	some selector in params.agent_pod_selectors
	selectors.matches(selector, labels)
}

# Without agent workloads in the input, the pods the selectors name in the stack's namespace.
agents := workload_agents if count(workload_agents) > 0

agents := {[stack_namespace, selector.matchLabels, "spec", "/spec/spec/agent"] |
	count(workload_agents) == 0
	agent
	holds_namespace(stack_namespace)
	some selector in params.agent_pod_selectors
} if count(workload_agents) == 0

holds_namespace(namespace) if {
	some resource in input.resources
	startswith(resource.type, "kubernetes:")
	object.get(resource.props, ["metadata", "namespace"], "") == namespace
}

holds_namespace(namespace) if {
	some resource in input.resources
	resource.type == "kubernetes:core/v1:Namespace"
	object.get(resource.props, ["metadata", "name"], "") == namespace
}

# [tool name, service, namespace, pod labels] of every declared tool served in the cluster.
tools contains [tool.name, service, namespace, tool_labels(tool.name, service, namespace)] if {
	some tool in agent.tools
	url := object.get(tool, "server", concat("", ["http://tool-", tool.name, ".", stack_namespace, ".svc.cluster.local:8080/mcp"]))
	host := split(split(split(trim_prefix(trim_prefix(url, "http://"), "https://"), "/")[0], ":")[0], ".")
	in_cluster(host)
	service := host[0]
	namespace := host_namespace(host)
}

host_namespace(host) := host[1] if count(host) > 1

host_namespace(host) := stack_namespace if count(host) == 1

in_cluster(host) if count(host) <= 2

in_cluster(host) if host[2] == "svc"

tool_labels(_, service, namespace) := selector if {
	some resource in input.resources
	resource.type == "kubernetes:core/v1:Service"
	object.get(resource.props, ["metadata", "name"], "") == service
	lib.namespace_of(resource) == namespace
	selector := resource.props.spec.selector
}

tool_labels(tool, service, namespace) := {key: replace(value, "{tool}", tool) | some key, value in params.tool_pod_labels} if {
	not service_in_input(service, namespace)
}

service_in_input(service, namespace) if {
	some resource in input.resources
	resource.type == "kubernetes:core/v1:Service"
	object.get(resource.props, ["metadata", "name"], "") == service
	lib.namespace_of(resource) == namespace
}

# Indices of the NetworkPolicies that restrict the egress of pods with `labels` in `namespace`.
egress_policies(namespace, labels) := {p |
	some p, policy in input.resources
	policy.type == policy_type
	lib.namespace_of(policy) == namespace
	selectors.matches(object.get(policy.props, ["spec", "podSelector"], {}), labels)
	egress_type(policy.props.spec)
}

egress_type(spec) if "Egress" in object.get(spec, "policyTypes", [])

egress_type(spec) if {
	not spec.policyTypes
	spec.egress
}

deny contains {"id": "LLM-TOOLS-002", "msg": msg, "path": path, "resource": resource} if {
	some [namespace, labels, resource, path] in agents
	count(egress_policies(namespace, labels)) == 0
	some [tool, service, tool_namespace, _] in tools
	msg := sprintf(
		"no NetworkPolicy restricts the egress of the agent's pods %v in namespace %s: they reach tool %s (service %s.%s) around the tool gateway",
		[labels, namespace, tool, service, tool_namespace],
	)
}

deny contains {"id": "LLM-TOOLS-002", "msg": msg, "path": sprintf("/resources/%d/props/spec/egress/%d", [p, r]), "resource": policy.urn} if {
	some [namespace, labels, _, _] in agents
	some p in egress_policies(namespace, labels)
	policy := input.resources[p]
	some r, rule in object.get(policy.props.spec, "egress", [])
	some [tool, service, tool_namespace, tool_pod_labels] in tools
	rule_admits(rule, namespace, tool_namespace, tool_pod_labels)
	msg := sprintf(
		"NetworkPolicy %s lets the agent's pods %v reach tool %s (service %s.%s) directly, around the tool gateway",
		[lib.text(policy.props.metadata.name), labels, tool, service, tool_namespace],
	)
}

rule_admits(rule, _, _, _) if count(object.get(rule, "to", [])) == 0

rule_admits(rule, from_namespace, tool_namespace, labels) if {
	some peer in rule.to
	peer_admits(peer, from_namespace, tool_namespace, labels)
}

peer_admits(peer, from_namespace, tool_namespace, labels) if {
	not peer.namespaceSelector
	not peer.ipBlock
	from_namespace == tool_namespace
	selectors.matches(object.get(peer, "podSelector", {}), labels)
}

peer_admits(peer, _, tool_namespace, labels) if {
	selectors.matches(peer.namespaceSelector, namespace_labels(tool_namespace))
	selectors.matches(object.get(peer, "podSelector", {}), labels)
}

peer_admits(peer, _, _, _) if peer.ipBlock.cidr in {"0.0.0.0/0", "::/0"}

# The namespace's labels: those of its Namespace object in the input (every copy), and the
# name label the API server sets on every namespace.
namespace_labels(namespace) := object.union(
	{key: value |
		some resource in input.resources
		resource.type == "kubernetes:core/v1:Namespace"
		object.get(resource.props, ["metadata", "name"], "") == namespace
		some key, value in object.get(resource.props, ["metadata", "labels"], {})
	},
	{"kubernetes.io/metadata.name": namespace},
)
