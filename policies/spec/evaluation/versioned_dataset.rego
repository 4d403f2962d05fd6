# METADATA
# title: Evaluation runs on a named, versioned dataset
# description: >-
#   Metric values are only comparable across releases when the evaluation dataset is pinned.
# scope: package
# custom:
#   id: LLM-EVAL-005
#   severity: medium
#   remediation: >-
#     Add evaluation.dataset with name and version to each gated model.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.3", "MEASURE 2.5"]
#     eu-ai-act: ["Art. 15", "Art. 12"]
#     iso-42001: ["A.6.2.4"]
package llmops.spec.evaluation.versioned_dataset

deny contains {"id": "LLM-EVAL-005", "msg": msg, "path": sprintf("/spec/models/%d/evaluation", [i])} if {
	some i, model in input.spec.models
	count(model.evaluation.metrics) > 0
	not model.evaluation.dataset
	msg := sprintf("model %s is evaluated on an unversioned dataset", [model.name])
}
