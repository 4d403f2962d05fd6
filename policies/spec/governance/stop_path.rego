# METADATA
# title: There is a documented way to stop the system
# description: >-
#   Production and high-risk systems need a runbook and a kill switch that take the model out
#   of service without a deploy (NIST AI RMF MANAGE 2.4, EU AI Act Art. 14(4)(e)).
# scope: package
# custom:
#   id: LLM-GOV-002
#   severity: high
#   remediation: >-
#     Add spec.governance.stopPath with a runbook URL and killSwitch: true.
#   frameworks:
#     nist-ai-rmf: ["MANAGE 2.4"]
#     eu-ai-act: ["Art. 14"]
#     nist-ai-600-1: ["Human-AI Configuration"]
package llmops.spec.governance.stop_path

import data.llmops.lib.spec

deny contains {"id": "LLM-GOV-002", "msg": "no stop path is documented", "path": "/spec/governance"} if {
	needs_stop_path
	not input.spec.governance.stopPath
}

deny contains {"id": "LLM-GOV-002", "msg": "the stop path has no kill switch", "path": "/spec/governance/stopPath/killSwitch"} if {
	needs_stop_path
	input.spec.governance.stopPath.killSwitch == false
}

needs_stop_path if spec.production

needs_stop_path if spec.high_risk
