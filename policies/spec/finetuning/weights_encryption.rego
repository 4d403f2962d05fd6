# METADATA
# title: Fine-tuned weights are encrypted with a customer-managed key
# description: >-
#   Weights trained on enterprise data encode that data; they are encrypted with a key the
#   organisation controls.
# scope: package
# custom:
#   id: LLM-FT-002
#   severity: high
#   remediation: >-
#     Set spec.fineTuning.weightsEncryption to customerManagedKey.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7", "MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy", "Intellectual Property"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.spec.finetuning.weights_encryption

deny contains {"id": "LLM-FT-002", "msg": msg, "path": "/spec/fineTuning/weightsEncryption"} if {
	mode := input.spec.fineTuning.weightsEncryption
	mode != "customerManagedKey"
	msg := sprintf("fine-tuned weights use %s; a customer-managed key is required", [mode])
}
