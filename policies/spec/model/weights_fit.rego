# METADATA
# title: Model weights fit the declared GPUs
# description: >-
#   A replica whose weights (parameter count × bytes per parameter of the serving dtype) exceed
#   the memory of the GPUs it declares never becomes ready: the server fails to load, or loads
#   with no room left for the KV cache. The weights may take at most a tunable share of the
#   replica's GPU memory. Models served on CPU (gpu.count 0) and models without a declared
#   parameter count are not judged here.
# scope: package
# custom:
#   id: LLM-MODEL-005
#   severity: high
#   remediation: >-
#     Declare more GPUs (gpu.count), a GPU type with more memory (gpu.type), or a smaller dtype
#     (a quantised model), so that parameters × dtype bytes fits the declared GPU memory.
#   frameworks:
#     nist-ai-rmf: ["MANAGE 2.2"]
#     owasp-llm-2025: ["LLM10:2025"]
package llmops.spec.model.weights_fit

import data.llmops.lib.spec

deny contains {"id": "LLM-MODEL-005", "msg": msg, "path": sprintf("/spec/models/%d/parameters", [i])} if {
	some i, model in input.spec.models
	spec.self_hosted(model)
	model.gpu.count > 0
	billions := model.parameters
	weights_gib := ((billions * 1000000000) * spec.params.dtype_bytes[model.dtype]) / 1073741824
	gpu_gib := object.get(spec.params.gpu_memory_gib, model.gpu.type, 0) * model.gpu.count
	weights_gib > gpu_gib * spec.params.max_weights_gpu_memory_share
	msg := sprintf(
		"model %s: %v billion parameters in %s need %d GiB of GPU memory; %d × %s offers %d GiB, of which the weights may take %d GiB",
		[model.name, billions, model.dtype, ceil(weights_gib), model.gpu.count, model.gpu.type, gpu_gib, floor(gpu_gib * spec.params.max_weights_gpu_memory_share)],
	)
}
