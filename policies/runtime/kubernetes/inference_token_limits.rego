# METADATA
# title: Model servers run with token limits
# description: >-
#   A model server without input and output token caps lets one request exhaust the GPU (OWASP
#   LLM10: unbounded consumption). Servers are recognised by what they run (policies/data.yaml
#   model_servers) and judged by the limits they read: their own flags in any syntax and
#   their own env variables, each at least 1 and within the ceilings (max_input_tokens,
#   max_output_tokens, their sum for context). Ollama and llama-server bound context by default; Triton keeps
#   limits in the model repository's config, which a manifest does not show, so it is not
#   judged here.
# scope: package
# custom:
#   id: LLM-K8S-023
#   severity: high
#   remediation: >-
#     Pass the spec's limits to the server itself: --max-model-len (vLLM), --max-input-tokens
#     and --max-total-tokens (TGI), --context-length (SGLang), --max_seq_len (TensorRT-LLM),
#     --ctx-size and --n-predict (llama.cpp), within the ceilings in policies/data.yaml.
#   frameworks:
#     owasp-llm-2025: ["LLM10:2025"]
#     nist-ai-rmf: ["MEASURE 2.7"]
package llmops.runtime.kubernetes.inference_token_limits

import data.llmops.lib.model_servers as servers
import data.llmops.lib.runtime as lib

# A server judged by its flags that reads no limit at all.
deny contains {"id": "LLM-K8S-023", "msg": msg, "path": pointer, "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	contains(pointer, "/containers/")
	entry := servers.server(container)
	entry.token_limits == "flags"
	count(servers.token_limits(container, entry)) == 0
	not lib.serving_runtime(i)
	not serve_config_limited(input.resources[i])
	urn := input.resources[i].urn
	msg := concat("", [lib.text(entry.name), " server ", lib.text(container.name), " runs without token limits"])
}

# A limit that is not a whole number within its ceiling (0, -1, or above the organisation's).
deny contains {"id": "LLM-K8S-023", "msg": msg, "path": pointer, "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	contains(pointer, "/containers/")
	entry := servers.server(container)
	some [kind, value] in servers.token_limits(container, entry)
	not servers.bounded(kind, value)
	not lib.serving_runtime(i)
	urn := input.resources[i].urn
	msg := concat("", [
		lib.text(entry.name),
		" server ",
		lib.text(container.name),
		" sets its ",
		lib.text(kind),
		" token limit to ",
		lib.text(value),
		", outside 1..",
		format_int(servers.ceiling(kind), 10),
	])
}

# A Ray Serve application configures its engine in the RayService's serveConfigV2 (engine
# kwargs or the application's env vars), not in the Ray pods' arguments.
serve_config_limited(resource) if {
	config := object.get(resource.props, ["spec", "serveConfigV2"], "")
	is_string(config)
	regex.match(serve_config_pattern, config)
}

serve_config_pattern := concat("", ["(?i)(", concat("|", [replace(trim_left(flag, "-"), "-", "[_-]") | some flag in lib.params.token_limit_flags]), ")"])
