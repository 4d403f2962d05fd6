# METADATA
# title: Grounding and training sources record their lineage
# description: >-
#   For RAG and fine-tuning, each source records the dataset version it was built from so
#   answers and models can be reproduced.
# scope: package
# custom:
#   id: LLM-DATA-006
#   severity: medium
#   remediation: >-
#     Add lineage.datasetVersion (and upstream sources) to each data source.
#   frameworks:
#     nist-ai-rmf: ["MAP 2.3", "MEASURE 2.5"]
#     eu-ai-act: ["Art. 10", "Art. 12"]
#     nist-ai-600-1: ["Information Integrity"]
#     owasp-llm-2025: ["LLM04:2025"]
#     iso-42001: ["A.7.5"]
package llmops.spec.data.lineage

deny contains {"id": "LLM-DATA-006", "msg": msg, "path": sprintf("/spec/data/sources/%d", [i])} if {
	input.spec.pattern in {"rag", "fineTuning"}
	some i, source in input.spec.data.sources
	not source.lineage
	msg := sprintf("data source %s records no lineage", [source.name])
}
