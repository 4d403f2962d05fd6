# METADATA
# title: Data stays inside the allowed regions
# description: >-
#   The deployment region must be one of the spec's residency regions, and every residency
#   region must be approved by the organisation.
# scope: package
# custom:
#   id: LLM-PRIV-005
#   severity: high
#   remediation: >-
#     Deploy to a region listed in spec.target.dataResidency.allowedRegions, and list only
#     regions approved in policies/data.yaml.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 1.1"]
#     nist-ai-600-1: ["Data Privacy"]
package llmops.spec.privacy.data_residency

import data.llmops.lib.spec

deny contains {"id": "LLM-PRIV-005", "msg": msg, "path": "/spec/target/region"} if {
	region := input.spec.target.region
	not region in input.spec.target.dataResidency.allowedRegions
	msg := sprintf("region %s is outside the stack's data residency regions", [region])
}

deny contains {"id": "LLM-PRIV-005", "msg": msg, "path": sprintf("/spec/target/dataResidency/allowedRegions/%d", [i])} if {
	some i, region in input.spec.target.dataResidency.allowedRegions
	not region in spec.params.allowed_regions
	msg := sprintf("residency region %s is not approved by the organisation", [region])
}
