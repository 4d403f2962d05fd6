# METADATA
# title: Every data source declares its classification
# description: >-
#   Classification decides redaction, encryption and residency controls; an unclassified
#   source cannot be governed.
# scope: package
# custom:
#   id: LLM-DATA-001
#   severity: high
#   remediation: >-
#     Add classification (public, internal, confidential or restricted) to each entry of
#     spec.data.sources.
#   frameworks:
#     nist-ai-rmf: ["MAP 4.1"]
#     nist-ai-600-1: ["Data Privacy"]
#     iso-42001: ["A.4.3"]
package llmops.spec.data.source_classification

deny contains {"id": "LLM-DATA-001", "msg": msg, "path": sprintf("/spec/data/sources/%d", [i])} if {
	some i, source in input.spec.data.sources
	not source.classification
	msg := sprintf("data source %s has no classification", [source.name])
}
