# METADATA
# title: An embedded source's freshness SLA leaves room for scheduled ingestion
# description: >-
#   A source embedded into the vector store is only as fresh as its last ingestion run: the data
#   answers are grounded in can be as old as the gap between two scheduled runs plus the run's
#   own time limit. Below params.min_embedded_freshness_seconds no schedule can keep that
#   promise (a CronJob starts at most once a minute, and a run needs time to fetch, check,
#   embed and publish); such a source must be queried live at answer time instead.
# scope: package
# custom:
#   id: LLM-DATA-013
#   severity: high
#   remediation: >-
#     Set retrieval: queried on the source (the retriever reads it at answer time), or relax its
#     freshnessSla to at least params.min_embedded_freshness_seconds.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.5"]
#     nist-ai-600-1: ["Confabulation"]
#     owasp-llm-2025: ["LLM09:2025"]
#     iso-42001: ["A.7.4"]
package llmops.spec.data.embedded_source_sla

import data.llmops.lib.spec

deny contains {"id": "LLM-DATA-013", "msg": msg, "path": sprintf("/spec/data/sources/%d/retrieval", [i])} if {
	input.spec.pattern == "rag"
	some i, source in input.spec.data.sources
	object.get(source, "retrieval", "embedded") == "embedded"
	spec.duration_seconds(source.freshnessSla) < spec.params.min_embedded_freshness_seconds
	msg := sprintf(
		"data source %s is embedded by scheduled ingestion but its freshness SLA %s is under the %d seconds a scheduled run can meet",
		[source.name, source.freshnessSla, spec.params.min_embedded_freshness_seconds],
	)
}
