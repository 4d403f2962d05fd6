# METADATA
# title: The platform images the target needs are declared
# description: >-
#   A stack cannot be deployed without the gateway (every stack with a cluster), the model
#   fetcher (self-hosted models), the DCGM exporter (self-hosted models on GPUs), the NVIDIA
#   device plugin (when platform.gpu.install asks for it), the vector database (in-cluster
#   engines) and the record collector (target kubernetes).
# scope: package
# custom:
#   id: LLM-PLAT-001
#   severity: high
#   remediation: >-
#     Add the missing image, pinned by digest, under spec.platform.images.
#   frameworks:
#     nist-ai-rmf: ["MANAGE 1.3"]
#     nist-ai-600-1: ["Value Chain and Component Integration"]
#     owasp-llm-2025: ["LLM03:2025"]
package llmops.spec.platform.required_images

import data.llmops.lib.spec

deny contains {"id": "LLM-PLAT-001", "msg": msg, "path": "/spec/platform/images"} if {
	some [image, reason] in required
	not input.spec.platform.images[image]
	msg := sprintf("spec.platform.images.%s is required: %s", [image, reason])
}

self_hosted_model if {
	some model in input.spec.models
	spec.self_hosted(model)
}

# [image, why it is needed] pairs for this spec.
required contains ["gateway", "models are served through the authenticating gateway"] if spec.has_cluster

required contains ["modelFetcher", "self-hosted models fetch their weights by digest with it"] if self_hosted_model

required contains ["dcgmExporter", "GPU nodes export their metrics with it"] if {
	some model in input.spec.models
	spec.self_hosted(model)
	model.gpu.count > 0
}

required contains ["devicePlugin", "platform.gpu.install is devicePlugin"] if input.spec.platform.gpu.install == "devicePlugin"

required contains ["vectorDatabase", "the vector store runs in the cluster"] if input.spec.vectorStore.engine in {"qdrant", "pgvector"}

required contains ["collector", "target kubernetes keeps audit and feedback records in in-cluster sinks"] if input.spec.target.provider == "kubernetes"

required contains ["trainer", "the fine-tuning pipeline's training Job runs it"] if input.spec.fineTuning

required contains ["datasetGate", "fine-tuning datasets enter the dataset store only through the redaction and consent gate"] if input.spec.fineTuning

required contains ["evaluator", "the fine-tuning pipeline's evaluation Job writes evidence for the new weights with it"] if input.spec.fineTuning

required contains ["toolApproval", "the agent's tool calls pass the approval queue behind the gateway"] if {
	input.spec.pattern == "agent"
	count(input.spec.agent.tools) > 0
}
