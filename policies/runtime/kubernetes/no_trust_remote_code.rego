# METADATA
# title: Model servers do not run code shipped with the model
# description: >-
#   --trust-remote-code (vLLM, TGI, SGLang, TensorRT-LLM) or TRUST_REMOTE_CODE executes Python
#   from the model repository inside the server, with its credentials and its network: a
#   poisoned or swapped model becomes code execution (OWASP LLM03 supply chain).
# scope: package
# custom:
#   id: LLM-K8S-041
#   severity: high
#   remediation: >-
#     Remove --trust-remote-code; serve an architecture the server supports natively, or
#     review the model's code and vendor it into the serving image.
#   frameworks:
#     owasp-llm-2025: ["LLM03:2025"]
#     nist-ai-600-1: ["Value Chain and Component Integration"]
package llmops.runtime.kubernetes.no_trust_remote_code

import data.llmops.lib.model_servers as servers
import data.llmops.lib.runtime as lib

# The switch on any container's command line, in any syntax.
deny contains {"id": "LLM-K8S-041", "msg": msg, "path": pointer, "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	servers.has_flag(container, "--trust-remote-code")
	urn := input.resources[i].urn
	msg := concat("", ["container ", lib.text(container.name), " runs with --trust-remote-code"])
}

# The env form TGI reads (every launcher flag has one).
deny contains {"id": "LLM-K8S-041", "msg": msg, "path": concat("", [lib.text(pointer), "/env/", format_int(j, 10), "/value"]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	some j, variable in object.get(container, "env", [])
	variable.name == "TRUST_REMOTE_CODE"
	is_string(variable.value)
	upper(variable.value) in {"1", "TRUE", "YES", "ON"}
	urn := input.resources[i].urn
	msg := concat("", ["container ", lib.text(container.name), " sets TRUST_REMOTE_CODE"])
}
