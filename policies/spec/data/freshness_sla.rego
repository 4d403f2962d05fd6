# METADATA
# title: Every data source declares a freshness SLA
# description: >-
#   Stale grounding data produces confidently wrong answers; each source states how old its
#   data may be.
# scope: package
# custom:
#   id: LLM-DATA-002
#   severity: high
#   remediation: >-
#     Add freshnessSla (an ISO 8601 duration such as PT5M or P1D) to each data source.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.5"]
#     nist-ai-600-1: ["Confabulation"]
#     owasp-llm-2025: ["LLM09:2025"]
#     iso-42001: ["A.7.4"]
package llmops.spec.data.freshness_sla

deny contains {"id": "LLM-DATA-002", "msg": msg, "path": sprintf("/spec/data/sources/%d", [i])} if {
	some i, source in input.spec.data.sources
	not source.freshnessSla
	msg := sprintf("data source %s has no freshness SLA", [source.name])
}
