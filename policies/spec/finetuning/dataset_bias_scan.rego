# METADATA
# title: Fine-tuning datasets are scanned for bias
# description: >-
#   Bias in training data is learned by the model; every fine-tuning dataset is scanned before
#   training.
# scope: package
# custom:
#   id: LLM-FT-003
#   severity: medium
#   remediation: >-
#     Run a bias scan and set biasScan: true on each fine-tuning dataset.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.11"]
#     eu-ai-act: ["Art. 10"]
#     nist-ai-600-1: ["Harmful Bias and Homogenization"]
#     iso-42001: ["A.7.4"]
package llmops.spec.finetuning.dataset_bias_scan

deny contains {"id": "LLM-FT-003", "msg": msg, "path": sprintf("/spec/fineTuning/datasets/%d/biasScan", [i])} if {
	some i, dataset in input.spec.fineTuning.datasets
	dataset.biasScan == false
	msg := sprintf("fine-tuning dataset %s was not scanned for bias", [dataset.name])
}
