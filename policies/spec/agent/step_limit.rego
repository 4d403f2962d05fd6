# METADATA
# title: Agents have a step limit
# description: >-
#   A step limit stops runaway loops and bounds cost and blast radius.
# scope: package
# custom:
#   id: LLM-AGENT-003
#   severity: high
#   remediation: >-
#     Set spec.agent.maxSteps at or below the organisation's maximum.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.6"]
#     owasp-llm-2025: ["LLM06:2025", "LLM10:2025"]
package llmops.spec.agent.step_limit

import data.llmops.lib.spec

deny contains {"id": "LLM-AGENT-003", "msg": "the agent has no step limit", "path": "/spec/agent"} if {
	input.spec.pattern == "agent"
	not input.spec.agent.maxSteps
}

deny contains {"id": "LLM-AGENT-003", "msg": msg, "path": "/spec/agent/maxSteps"} if {
	input.spec.agent.maxSteps > spec.params.max_agent_steps
	msg := sprintf("the agent may take %d steps; the maximum is %d", [input.spec.agent.maxSteps, spec.params.max_agent_steps])
}
