# METADATA
# title: Prompts, responses and logs are kept no longer than allowed
# description: >-
#   Data minimisation: conversation data and logs have maximum retention periods set by the
#   organisation.
# scope: package
# custom:
#   id: LLM-PRIV-006
#   severity: medium
#   remediation: >-
#     Lower spec.data.retention to the maxima in policies/data.yaml.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy"]
package llmops.spec.privacy.retention_limits

import data.llmops.lib.spec

limits := {
	"promptsDays": spec.params.max_prompt_retention_days,
	"responsesDays": spec.params.max_response_retention_days,
	"logsDays": spec.params.max_log_retention_days,
}

deny contains {"id": "LLM-PRIV-006", "msg": msg, "path": sprintf("/spec/data/retention/%s", [field])} if {
	some field, days in input.spec.data.retention
	days > limits[field]
	msg := sprintf("%s retention of %d days exceeds the %d-day maximum", [field, days, limits[field]])
}
