package llmops.spec.agent.tool_output_handling_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.agent.tool_output_handling as check

tools(list) := fx.agent({"tools": list})

validated(document) := object.union(document, {"spec": {"guardrails": {"output": {"toolCallValidation": true}}}})

denied_cases := {
	"declared shell tool": {"input": tools([{"name": "ops", "kind": "shell", "impact": "low", "permissions": ["hosts:run"], "requiresApproval": false}]), "path": "/spec/agent/tools/0"},
	"SQL tool recognised by name": {"input": tools([{"name": "search-docs", "impact": "low", "permissions": ["docs:read"]}, {"name": "run-sql", "impact": "medium", "permissions": ["warehouse:read"]}]), "path": "/spec/agent/tools/1"},
	"HTTP tool recognised by permission": {"input": tools([{"name": "lookup", "impact": "low", "permissions": ["web:fetch"]}]), "path": "/spec/agent/tools/0"},
	"declared code interpreter": {"input": tools([{"name": "calculator", "kind": "code", "impact": "low", "permissions": []}]), "path": "/spec/agent/tools/0"},
}

allowed_cases := {
	"function tools only": fx.agent({}),
	"shell tool with output validation": validated(tools([{"name": "ops", "kind": "shell", "impact": "low", "permissions": []}])),
	"retrieval tool named like a query": tools([{"name": "query-docs", "kind": "retrieval", "impact": "low", "permissions": ["docs:read", "docs:query"]}]),
	"not an agent": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-AGENT-010", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
