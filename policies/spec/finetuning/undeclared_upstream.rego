# METADATA
# title: Fine-tuning datasets come from declared data sources
# description: >-
#   Lineage is only traceable when it ends at a source the spec declares, with its
#   classification, personal-data flag and quality checks (EU AI Act Art. 10(2), ISO/IEC 42001
#   A.7.5). Every source a fine-tuning dataset names must exist in data.sources, and every
#   lineage.upstream entry must be a declared source or an upstream a declared source records in
#   its own lineage. An undeclared upstream is training data nobody classified or checked
#   (OWASP LLM04).
# scope: package
# custom:
#   id: LLM-FT-005
#   severity: medium
#   remediation: >-
#     Declare the upstream in data.sources (with classification, containsPersonalData and
#     qualityChecks) or in a declared source's lineage.upstream, and list the sources the dataset
#     is drawn from in fineTuning.datasets[].sources.
#   frameworks:
#     nist-ai-rmf: ["MAP 2.3", "MEASURE 2.5"]
#     eu-ai-act: ["Art. 10"]
#     owasp-llm-2025: ["LLM04:2025"]
#     iso-42001: ["A.7.5"]
package llmops.spec.finetuning.undeclared_upstream

declared_sources contains source.name if some source in input.spec.data.sources

known_upstreams contains name if some name in declared_sources

known_upstreams contains upstream if {
	some source in input.spec.data.sources
	some upstream in source.lineage.upstream
}

deny contains {"id": "LLM-FT-005", "msg": msg, "path": concat("", ["/spec/fineTuning/datasets/", format_int(i, 10), "/sources/", format_int(j, 10)])} if {
	some i, dataset in input.spec.fineTuning.datasets
	some j, name in dataset.sources
	not name in declared_sources
	msg := concat("", ["fine-tuning dataset ", dataset.name, " names source ", name, ", which data.sources does not declare"])
}

deny contains {"id": "LLM-FT-005", "msg": msg, "path": concat("", ["/spec/fineTuning/datasets/", format_int(i, 10), "/lineage/upstream/", format_int(j, 10)])} if {
	some i, dataset in input.spec.fineTuning.datasets
	some j, upstream in dataset.lineage.upstream
	not upstream in known_upstreams
	msg := concat("", ["fine-tuning dataset ", dataset.name, " has upstream ", upstream, ", which is neither a declared data source nor in a declared source's lineage"])
}
