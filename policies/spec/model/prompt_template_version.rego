# METADATA
# title: The prompt template version is recorded
# description: >-
#   The system prompt is part of the model's behaviour; its version belongs with the seed and
#   decoding parameters.
# scope: package
# custom:
#   id: LLM-REPRO-002
#   severity: low
#   remediation: >-
#     Set reproducibility.promptTemplateVersion.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.5"]
#     eu-ai-act: ["Art. 12"]
#     iso-42001: ["A.6.2.3"]
package llmops.spec.model.prompt_template_version

deny contains {"id": "LLM-REPRO-002", "msg": msg, "path": sprintf("/spec/models/%d/reproducibility", [i])} if {
	some i, model in input.spec.models
	model.reproducibility
	not model.reproducibility.promptTemplateVersion
	msg := sprintf("model %s does not record its prompt template version", [model.name])
}
