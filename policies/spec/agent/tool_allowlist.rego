# METADATA
# title: Agents can only call allowlisted tools
# description: >-
#   An agent that may call any tool it discovers has unbounded agency; the declared tools are
#   the allowlist.
# scope: package
# custom:
#   id: LLM-AGENT-001
#   severity: high
#   remediation: >-
#     Set spec.agent.toolAllowlistEnforced to true and declare every tool.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     eu-ai-act: ["Art. 15"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.spec.agent.tool_allowlist

deny contains {"id": "LLM-AGENT-001", "msg": "the agent is not restricted to its declared tools", "path": "/spec/agent/toolAllowlistEnforced"} if {
	input.spec.agent.toolAllowlistEnforced == false
}

deny contains {"id": "LLM-AGENT-001", "msg": "the agent declares no tools, so no allowlist exists", "path": "/spec/agent/tools"} if {
	input.spec.pattern == "agent"
	count(input.spec.agent.tools) == 0
}
