# METADATA
# title: Data-quality checks pass on every declared source
# description: >-
#   A failed data-quality check on a source the spec declares means the model would be grounded
#   in, or evaluated on, data known to be broken.
# scope: package
# custom:
#   id: LLM-EVID-008
#   severity: high
#   remediation: >-
#     Fix the source or its pipeline and re-run the data-quality checks.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.5", "MAP 4.1"]
#     eu-ai-act: ["Art. 10", "Art. 15"]
#     nist-ai-600-1: ["Information Integrity"]
package llmops.spec.evidence.data_quality

import data.llmops.lib.evidence

deny contains {"id": "LLM-EVID-008", "msg": problem.msg, "path": problem.path} if {
	some problem in evidence.problems
	problem.check == "data_quality"
	problem.gate == "block"
}
