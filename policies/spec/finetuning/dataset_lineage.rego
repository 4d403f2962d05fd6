# METADATA
# title: Fine-tuning datasets record their lineage
# description: >-
#   The training data of a model must be traceable to its sources (EU AI Act Art. 10, Annex
#   IV) to investigate poisoning and licensing.
# scope: package
# custom:
#   id: LLM-FT-001
#   severity: medium
#   remediation: >-
#     Add lineage.upstream to every fine-tuning dataset.
#   frameworks:
#     nist-ai-rmf: ["MAP 2.3", "MEASURE 2.5"]
#     eu-ai-act: ["Art. 10", "Annex IV"]
#     nist-ai-600-1: ["Intellectual Property", "Information Integrity"]
#     owasp-llm-2025: ["LLM04:2025"]
#     iso-42001: ["A.7.5"]
package llmops.spec.finetuning.dataset_lineage

deny contains {"id": "LLM-FT-001", "msg": msg, "path": sprintf("/spec/fineTuning/datasets/%d", [i])} if {
	some i, dataset in input.spec.fineTuning.datasets
	not dataset.lineage
	msg := sprintf("fine-tuning dataset %s has no lineage", [dataset.name])
}
