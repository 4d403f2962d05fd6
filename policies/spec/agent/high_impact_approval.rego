# METADATA
# title: High-impact tools need human approval
# description: >-
#   Actions with real-world impact (payments, access changes, restarts) must wait for a person
#   to approve them.
# scope: package
# custom:
#   id: LLM-AGENT-002
#   severity: critical
#   remediation: >-
#     Set requiresApproval: true on every tool with impact: high.
#   frameworks:
#     nist-ai-rmf: ["MANAGE 2.4", "GOVERN 3.2"]
#     eu-ai-act: ["Art. 14"]
#     owasp-llm-2025: ["LLM06:2025"]
#     nist-ai-600-1: ["Human-AI Configuration"]
package llmops.spec.agent.high_impact_approval

deny contains {"id": "LLM-AGENT-002", "msg": msg, "path": sprintf("/spec/agent/tools/%d/requiresApproval", [i])} if {
	some i, tool in input.spec.agent.tools
	tool.impact == "high"
	tool.requiresApproval == false
	msg := sprintf("high-impact tool %s runs without human approval", [tool.name])
}
