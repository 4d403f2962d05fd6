# METADATA
# title: Answers that depend on live data are grounded in a real-time source
# description: >-
#   When the use case says answers depend on live data (flight status, stock, claims state),
#   at least one source must be real-time with a tight freshness SLA.
# scope: package
# custom:
#   id: LLM-DATA-004
#   severity: high
#   remediation: >-
#     Add a data source with realtime: true and a freshnessSla within the organisation's maximum
#     staleness.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.5"]
#     nist-ai-600-1: ["Confabulation"]
#     owasp-llm-2025: ["LLM09:2025"]
#     iso-42001: ["A.7.4"]
package llmops.spec.data.live_data

import data.llmops.lib.spec

deny contains {"id": "LLM-DATA-004", "msg": msg, "path": "/spec/data/sources"} if {
	input.spec.useCase.dependsOnLiveData == true
	not fresh_realtime_source
	msg := sprintf("answers depend on live data but no real-time source has a freshness SLA of at most %d seconds", [spec.params.max_live_data_staleness_seconds])
}

fresh_realtime_source if {
	some source in input.spec.data.sources
	source.realtime == true
	spec.duration_seconds(source.freshnessSla) <= spec.params.max_live_data_staleness_seconds
}
