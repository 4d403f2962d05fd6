# METADATA
# title: The agent's tools are reached only through the tool gateway and its approval queue
# description: >-
#   An agent spec's tools, permissions, step limit and human approval are enforced only if every
#   tool call passes a gateway that knows them. Each declared tool must be registered in the LLM
#   gateway's MCP servers (LiteLLM mcp_servers) with an allowed_tools list: a tool missing there
#   is called around the gateway, a server without allowed_tools exposes every tool it has, and a
#   listed tool the spec does not declare is one nobody approved. When the spec asks for
#   approval of high-impact tools, or a step limit, a guardrail must run before every tool call
#   (mode pre_mcp_call, on by default), and the service it calls — the approval queue — must be
#   built.
# scope: package
# custom:
#   id: LLM-TOOLS-001
#   severity: high
#   remediation: >-
#     Register every declared tool in the gateway's mcp_servers with allowed_tools listing exactly
#     the declared tools, and add a default_on pre_mcp_call guardrail that calls the approval
#     queue (the llmops ToolApprovalQueue component and Gateway tools option build both from
#     spec.agent).
#   frameworks:
#     owasp-llm-2025: ["LLM06:2025"]
#     nist-ai-rmf: ["MANAGE 2.4", "GOVERN 1.4"]
#     eu-ai-act: ["Art. 14"]
#     nist-ai-600-1: ["Human-AI Configuration"]
package llmops.runtime.patterns.agent_tool_gateway

import data.llmops.lib.gateway
import data.llmops.lib.runtime as lib

agent := input.spec.spec.agent if input.spec.spec.pattern == "agent"

declared contains tool.name if {
	some tool in agent.tools
}

# Tool names each gateway config lets through: [config index, server name, allowed tool].
allowed contains [i, server, tool] if {
	some [i, _, config] in gateway.litellm_configs
	some server, entry in object.get(config, "mcp_servers", {})
	some tool in object.get(entry, "allowed_tools", [])
}

needs_guard if {
	some tool in agent.tools
	tool.requiresApproval == true
}

needs_guard if {
	some tool in agent.tools
	tool.impact == "high"
}

needs_guard if agent.maxSteps

deny contains {"id": "LLM-TOOLS-001", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	some [i, key, _] in gateway.litellm_configs
	some tool in declared
	not tool_allowed(i, tool)
	urn := input.resources[i].urn
	msg := concat("", [
		"the spec declares agent tool ", tool, ", but gateway config ", lib.text(input.resources[i].props.metadata.name),
		" registers it with no MCP server: the agent calls it around the gateway",
	])
}

deny contains {"id": "LLM-TOOLS-001", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	count(declared) > 0
	some [i, key, config] in gateway.litellm_configs
	some server, entry in object.get(config, "mcp_servers", {})
	count(object.get(entry, "allowed_tools", [])) == 0
	urn := input.resources[i].urn
	msg := concat("", ["MCP server ", server, " in gateway config ", lib.text(input.resources[i].props.metadata.name), " has no allowed_tools: every tool it serves is reachable"])
}

deny contains {"id": "LLM-TOOLS-001", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	count(declared) > 0
	some [i, key, _] in gateway.litellm_configs
	some [j, server, tool] in allowed
	j == i
	not tool in declared
	urn := input.resources[i].urn
	msg := concat("", ["MCP server ", server, " lets the agent call ", lib.text(tool), ", which the spec does not declare"])
}

deny contains {"id": "LLM-TOOLS-001", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	needs_guard
	some [i, key, config] in gateway.litellm_configs
	count(object.get(config, "mcp_servers", {})) > 0
	count(tool_guards(config)) == 0
	urn := input.resources[i].urn
	msg := concat("", [
		"gateway config ", lib.text(input.resources[i].props.metadata.name),
		" runs no guardrail before tool calls (pre_mcp_call, default_on): nothing holds high-impact calls for approval or counts steps",
	])
}

deny contains {"id": "LLM-TOOLS-001", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	needs_guard
	some [i, key, config] in gateway.litellm_configs
	some entry in tool_guards(config)
	host := service_host(gateway.setting(entry, "api_base"))
	not service_built(host)
	urn := input.resources[i].urn
	msg := concat("", ["the tool-call guardrail ", lib.text(object.get(entry, "guardrail_name", "")), " calls ", host, ", which is not built: there is no approval queue"])
}

tool_allowed(i, tool) if {
	some [j, _, name] in allowed
	j == i
	name == tool
}

tool_guards(config) := [entry |
	some entry in gateway.guardrails(config)
	"pre_mcp_call" in gateway.modes(entry)
	gateway.setting(entry, "default_on") == true
]

# `http://tool-approval.ns.svc.cluster.local:8080` → "tool-approval"
service_host(url) := split(split(trim_prefix(trim_prefix(url, "http://"), "https://"), ":")[0], ".")[0]

service_built(name) if {
	some resource in input.resources
	resource.type == "kubernetes:core/v1:Service"
	resource.props.metadata.name == name
}
