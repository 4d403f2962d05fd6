# METADATA
# title: Model servers run with token limits
# description: >-
#   A model server without input and output token caps lets one request exhaust the GPU (OWASP
#   LLM10: unbounded consumption).
# scope: package
# custom:
#   id: LLM-K8S-023
#   severity: high
#   remediation: >-
#     Pass the spec's limits to the server: --max-model-len (vLLM), --max-input-tokens/--max-
#     total-tokens (TGI), or LLMOPS_MAX_INPUT_TOKENS/LLMOPS_MAX_OUTPUT_TOKENS.
#   frameworks:
#     owasp-llm-2025: ["LLM10:2025"]
#     nist-ai-rmf: ["MEASURE 2.7"]
package llmops.runtime.kubernetes.inference_token_limits

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-023", "msg": msg, "path": pointer, "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	urn := input.resources[i].urn
	contains(pointer, "/containers/")
	inference_server(container)
	not token_limited(container)
	msg := concat("", ["model server ", lib.text(container.name), " runs without token limits"])
}

inference_server(container) if regex.match(`(vllm|text-generation-inference|tritonserver|tgi)`, container.image)

token_limited(container) if {
	some arg in object.get(container, "args", [])
	arg in {"--max-model-len", "--max-input-tokens", "--max-total-tokens", "--max-input-length"}
}

token_limited(container) if {
	some variable in object.get(container, "env", [])
	variable.name in {"LLMOPS_MAX_INPUT_TOKENS", "MAX_INPUT_TOKENS", "MAX_TOTAL_TOKENS"}
}
