# METADATA
# title: Model servers run with token limits
# description: >-
#   A model server without input and output token caps lets one request exhaust the GPU (OWASP
#   LLM10: unbounded consumption). A serving-runtime template is not judged: the
#   InferenceService that selects it passes the model's arguments.
# scope: package
# custom:
#   id: LLM-K8S-023
#   severity: high
#   remediation: >-
#     Pass the spec's limits to the server: --max-model-len (vLLM), --max-input-tokens/--max-
#     total-tokens (TGI), or LLMOPS_MAX_INPUT_TOKENS/LLMOPS_MAX_OUTPUT_TOKENS (the flags and
#     variables recognised are token_limit_flags and token_limit_env in data.yaml).
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
	not lib.serving_runtime(i)
	not token_limited(container)
	not serve_config_limited(input.resources[i])
	msg := concat("", ["model server ", lib.text(container.name), " runs without token limits"])
}

inference_server(container) if regex.match(`(vllm|text-generation-inference|tritonserver|tgi)`, container.image)

# The flag as its own argument, as `--flag=value`, or inside a shell command line
# (`sh -c "vllm serve … --max-model-len 8192"`).
token_limited(container) if {
	some arg in array.concat(object.get(container, "command", []), object.get(container, "args", []))
	is_string(arg)
	regex.match(sprintf(`(^|\s)--(%s)(=|\s|$)`, [concat("|", lib.params.token_limit_flags)]), arg)
}

token_limited(container) if {
	some variable in object.get(container, "env", [])
	variable.name in token_limit_env
}

# A Ray Serve application configures its engine in the RayService's serveConfigV2 (engine
# kwargs or the application's env vars), not in the Ray pods' arguments.
serve_config_limited(resource) if {
	config := object.get(resource.props, ["spec", "serveConfigV2"], "")
	is_string(config)
	regex.match(sprintf(`(?i)(%s)`, [concat("|", [replace(trim_left(flag, "-"), "-", "[_-]") | some flag in lib.params.token_limit_flags])]), config)
}

token_limit_env := {name | some name in lib.params.token_limit_env}
