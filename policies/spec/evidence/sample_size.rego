# METADATA
# title: Evidence was scored on at least the declared sample size
# description: >-
#   A score on fewer items than the spec declares (human evaluation in particular) is not the
#   score the gate asked for.
# scope: package
# custom:
#   id: LLM-EVID-004
#   severity: high
#   remediation: >-
#     Score at least the spec's sampleSize items and record the number in the evidence's sampleSize.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.3", "MEASURE 1.3"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Human-AI Configuration"]
package llmops.spec.evidence.sample_size

import data.llmops.lib.evidence

deny contains {"id": "LLM-EVID-004", "msg": problem.msg, "path": problem.path} if {
	some problem in evidence.problems
	problem.check == "sample"
	problem.gate == "block"
}
