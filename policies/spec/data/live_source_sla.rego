# METADATA
# title: Every live source meets the live-data freshness SLA
# description: >-
#   A source marked live is one the answers depend on being current (flight status, gate
#   changes). Each such source, not just one of them, must promise data no older than the
#   organisation's live-data staleness limit; a 30-minute-stale flight feed beside a fresh one
#   still gives stale answers.
# scope: package
# custom:
#   id: LLM-DATA-011
#   severity: high
#   remediation: >-
#     Give the live source a freshnessSla within params.max_live_data_staleness_seconds (PT5M by
#     default) and build it to that SLA, or set live to false if answers do not depend on it.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.5"]
#     nist-ai-600-1: ["Confabulation"]
#     owasp-llm-2025: ["LLM09:2025"]
#     iso-42001: ["A.7.4"]
package llmops.spec.data.live_source_sla

import data.llmops.lib.spec

deny contains {"id": "LLM-DATA-011", "msg": msg, "path": sprintf("/spec/data/sources/%d/freshnessSla", [i])} if {
	some i, source in input.spec.data.sources
	source.live == true
	not within_live_sla(source)
	msg := sprintf(
		"live data source %s promises freshness %s, beyond the live-data limit of %d seconds",
		[source.name, object.get(source, "freshnessSla", "(none)"), spec.params.max_live_data_staleness_seconds],
	)
}

within_live_sla(source) if spec.duration_seconds(source.freshnessSla) <= spec.params.max_live_data_staleness_seconds
