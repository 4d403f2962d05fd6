package llmops.runtime.patterns.agent_tool_gateway_test

import data.llmops.controls_fixtures_test as cx
import data.llmops.lib.testing
import data.llmops.runtime.patterns.agent_tool_gateway as check
import data.llmops.runtime_fixtures_test as fx

pointer := "/resources/0/props/data/config.yaml"

spec := {"spec": {"pattern": "agent", "agent": {
	"maxSteps": 15,
	"tools": [
		{"name": "read-ticket", "impact": "low", "requiresApproval": false},
		{"name": "restart-service", "impact": "high", "requiresApproval": true},
	],
}}}

servers := {
	"tool-read-ticket": {"url": "http://tool-read-ticket.ns.svc.cluster.local:8080/mcp", "transport": "http", "allowed_tools": ["read-ticket"]},
	"tool-restart-service": {"url": "http://tool-restart-service.ns.svc.cluster.local:8080/mcp", "transport": "http", "allowed_tools": ["restart-service"]},
}

approval := {"guardrail_name": "tool-approval", "litellm_params": {
	"guardrail": "generic_guardrail_api", "mode": "pre_mcp_call", "default_on": true,
	"api_base": "http://tool-approval.ns.svc.cluster.local:8080",
}}

config(mcp, guards) := object.union(cx.config, {"mcp_servers": mcp, "guardrails": guards})

queue := object.union(fx.service({"type": "ClusterIP", "selector": {"llmops.dev/role": "tool-approval"}}), {"props": {"metadata": {"name": "tool-approval"}}})

doc(config_value, extra) := {"resources": array.concat([cx.gateway_config(config_value)], extra), "spec": spec}

# An agent whose only tool is as given, with no step limit: whether a guard is needed rests on the tool.
one_tool(tool) := {"resources": [cx.gateway_config(config({"tool-t": {"url": "http://tool-t.ns.svc.cluster.local:8080/mcp", "allowed_tools": ["t"]}}, []))], "spec": {"spec": {"pattern": "agent", "agent": {"tools": [object.union({"name": "t"}, tool)]}}}}

as_built := doc(config(servers, [approval]), [queue])

denied_cases := {
	"a declared tool with no MCP server": {"input": doc(config(json.remove(servers, ["tool-restart-service"]), [approval]), [queue]), "path": pointer},
	"a server without allowed_tools": {"input": doc(config(json.remove(servers, ["tool-read-ticket/allowed_tools"]), [approval]), [queue]), "path": pointer},
	"an undeclared tool let through": {"input": doc(config(object.union(servers, {"tool-read-ticket": {"allowed_tools": ["read-ticket", "drop-database"]}}), [approval]), [queue]), "path": pointer},
	"no approval guardrail": {"input": doc(config(servers, []), [queue]), "path": pointer},
	"approval guardrail off by default": {"input": doc(config(servers, [object.union(approval, {"litellm_params": {"default_on": false}})]), [queue]), "path": pointer},
	"approval queue not built": {"input": doc(config(servers, [approval]), []), "path": pointer},
	"approval required by one low-impact tool, no guard": {"input": one_tool({"impact": "low", "requiresApproval": true}), "path": pointer},
	"a high-impact tool, no guard": {"input": one_tool({"impact": "high", "requiresApproval": false}), "path": pointer},
	"only a Deployment named like the queue": {"input": doc(config(servers, [approval]), [object.union(queue, {"type": "kubernetes:apps/v1:Deployment"})]), "path": pointer},
	"a Service of another name": {"input": doc(config(servers, [approval]), [object.union(queue, {"props": {"metadata": {"name": "other"}}})]), "path": pointer},
}

allowed_cases := {
	"as built": as_built,
	"no spec": {"resources": as_built.resources},
	"not an agent": object.union(as_built, {"spec": {"spec": {"pattern": "rag"}}}),
	"nothing to hold: low impact, no approval, no step limit": one_tool({"impact": "low", "requiresApproval": false}),
	"not an agent, with a server open to every tool": object.union(
		doc(config(json.remove(servers, ["tool-read-ticket/allowed_tools"]), [approval]), [queue]),
		{"spec": {"spec": {"pattern": "rag"}}},
	),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-TOOLS-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
