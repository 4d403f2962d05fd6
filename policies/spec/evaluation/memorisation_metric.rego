# METADATA
# title: Models fine-tuned on personal data are gated on a memorisation metric
# description: >-
#   A model trained on personal data can repeat it: training-data extraction recovers verbatim
#   sequences from a model's weights (Carlini et al., Extracting Training Data from Large
#   Language Models, USENIX Security 2021). The model the fine-tuning pipeline produces
#   (fineTuning.outputModel, else the first primary model) must gate on a memorisation metric
#   (verbatimExtractionRate: the share of extraction prompts answered with a training sequence
#   verbatim, lower is better) when any of its datasets holds personal or special-category data
#   that is not anonymised; the ceiling is params.metric_ceilings and the evidence gate
#   (LLM-EVID-003) holds the new digest to it.
# scope: package
# custom:
#   id: LLM-EVAL-007
#   severity: high
#   remediation: >-
#     Add { name: verbatimExtractionRate, threshold: 0.001 } (at most the ceiling in
#     policies/data.yaml) to the output model's evaluation.metrics and have the evaluation Job
#     report it, or anonymise the dataset.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy"]
#     owasp-llm-2025: ["LLM02:2025"]
#     eu-ai-act: ["Art. 10"]
package llmops.spec.evaluation.memorisation_metric

extraction_metrics := {"verbatimExtractionRate"}

deny contains {"id": "LLM-EVAL-007", "msg": msg, "path": sprintf("/spec/models/%d/evaluation/metrics", [i])} if {
	input.spec.pattern == "fineTuning"
	some dataset in input.spec.fineTuning.datasets
	personal(dataset)
	some i, model in input.spec.models
	model.name == output_model_name
	not gates_memorisation(model)
	msg := sprintf(
		"model %s is fine-tuned on dataset %s, which holds personal data that is not anonymised, but gates on no memorisation metric (%s)",
		[model.name, dataset.name, concat(", ", sort(extraction_metrics))],
	)
}

personal(dataset) if {
	dataset.personalData == true
	object.get(dataset, "redaction", "none") != "anonymised"
}

personal(dataset) if {
	dataset.specialCategoryData == true
	object.get(dataset, "redaction", "none") != "anonymised"
}

output_model_name := input.spec.fineTuning.outputModel

output_model_name := [model.name | some model in input.spec.models; object.get(model, "role", "primary") == "primary"][0] if {
	not input.spec.fineTuning.outputModel
}

gates_memorisation(model) if {
	some metric in model.evaluation.metrics
	metric.name in extraction_metrics
}
