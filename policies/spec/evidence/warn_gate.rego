# METADATA
# title: Evidence problems on a warn-only gate are reported
# description: >-
#   A model with evaluation.gate warn deploys even when its evidence is missing or failing; every
#   problem LLM-EVID-001 to 008 would raise for a blocking gate is reported here instead, at a
#   severity below the default --fail-on, so the deploy proceeds with the problem on record.
# scope: package
# custom:
#   id: LLM-EVID-009
#   severity: medium
#   remediation: >-
#     Fix the evidence problem, or set evaluation.gate to block once the model is expected to pass.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.3", "MANAGE 1.3"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Confabulation"]
package llmops.spec.evidence.warn_gate

import data.llmops.lib.evidence

deny contains {"id": "LLM-EVID-009", "msg": msg, "path": problem.path} if {
	some problem in evidence.problems
	problem.gate == "warn"
	msg := sprintf("(gate: warn) %s", [problem.msg])
}
