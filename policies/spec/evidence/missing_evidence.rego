# METADATA
# title: A gated model has evaluation evidence
# description: >-
#   A model whose evaluation gate blocks the deploy ships only with evaluation evidence that names
#   it; a gate with nothing behind it is a declaration, not a control.
# scope: package
# custom:
#   id: LLM-EVID-001
#   severity: high
#   remediation: >-
#     Produce evidence for the model's digest and dataset version (llmops evidence score, or
#     llmops evidence import from lm-evaluation-harness or promptfoo) and pass it with --evidence.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.3", "MEASURE 2.5", "MANAGE 1.1"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Confabulation", "Information Integrity"]
package llmops.spec.evidence.missing_evidence

import data.llmops.lib.evidence

deny contains {"id": "LLM-EVID-001", "msg": problem.msg, "path": problem.path} if {
	some problem in evidence.problems
	problem.check == "missing"
	problem.gate == "block"
}
