# METADATA
# title: Agent tools have scoped permissions
# description: >-
#   Each tool names the exact permissions it needs; wildcards hand the agent everything.
# scope: package
# custom:
#   id: LLM-AGENT-004
#   severity: high
#   remediation: >-
#     Replace wildcard tool permissions with specific ones.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.spec.agent.tool_permissions

import data.llmops.lib.spec

deny contains {"id": "LLM-AGENT-004", "msg": msg, "path": sprintf("/spec/agent/tools/%d/permissions/%d", [i, j])} if {
	some i, tool in input.spec.agent.tools
	some j, permission in tool.permissions
	spec.wildcard(permission)
	msg := sprintf("tool %s has wildcard permission %s", [tool.name, permission])
}
