# METADATA
# title: Model output is validated before a shell, SQL, HTTP or code tool acts on it
# description: >-
#   An agent that passes model output (shaped by prompts, retrieved documents and earlier tool
#   results) to a shell, a database, an HTTP client or an interpreter turns prompt injection
#   into command, SQL or request injection (OWASP LLM05, improper output handling). Such tools
#   are recognised by their declared kind, or by name or permission (policies/data.yaml
#   output_acting_tool_pattern).
# scope: package
# custom:
#   id: LLM-AGENT-010
#   severity: critical
#   remediation: >-
#     Turn on spec.guardrails.output.toolCallValidation (schema-checked arguments,
#     parameterised SQL, no shell interpolation, URL allowlist) before these tools run.
#   frameworks:
#     owasp-llm-2025: ["LLM05:2025"]
#     nist-ai-600-1: ["Information Security"]
#     nist-ai-rmf: ["MEASURE 2.7"]
package llmops.spec.agent.tool_output_handling

import data.llmops.lib.spec

deny contains {"id": "LLM-AGENT-010", "msg": msg, "path": sprintf("/spec/agent/tools/%d", [i])} if {
	not validated
	some i, tool in input.spec.agent.tools
	acts_on_output(tool)
	msg := sprintf("tool %s acts on model output without output validation", [tool.name])
}

validated if input.spec.guardrails.output.toolCallValidation == true

acts_on_output(tool) if object.get(tool, "kind", "function") in spec.params.output_acting_tool_kinds

acts_on_output(tool) if {
	object.get(tool, "kind", "function") == "function"
	regex.match(spec.params.output_acting_tool_pattern, tool.name)
}

acts_on_output(tool) if {
	object.get(tool, "kind", "function") == "function"
	some permission in object.get(tool, "permissions", [])
	regex.match(spec.params.output_acting_tool_pattern, permission)
}
