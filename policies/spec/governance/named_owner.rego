# METADATA
# title: Production stacks name an accountable person
# description: >-
#   A team alias is not accountability; production stacks name the person who answers for the
#   system.
# scope: package
# custom:
#   id: LLM-GOV-001
#   severity: medium
#   remediation: >-
#     Set metadata.owner.name.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 2.1", "GOVERN 2.3"]
#     eu-ai-act: ["Art. 26"]
#     iso-42001: ["A.3.2"]
package llmops.spec.governance.named_owner

import data.llmops.lib.spec

deny contains {"id": "LLM-GOV-001", "msg": "production stack names no accountable person", "path": "/metadata/owner"} if {
	spec.production
	not input.metadata.owner.name
}
