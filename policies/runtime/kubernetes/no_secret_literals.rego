# METADATA
# title: Secrets are not written as literals in env, command or args
# description: >-
#   Environment values and command lines in a manifest end up in Git, in Pulumi state and in
#   `kubectl describe`; secrets are read from Secrets by reference. A value is judged by its
#   shape (AWS, OpenAI, Anthropic, Hugging Face, GitHub and Slack tokens, private-key blocks:
#   policies/data.yaml credential_patterns), by a credential-like name next to a literal, and
#   by `--api-key <literal>` flags. LLM parameters such as MAX_TOKENS are not credentials.
# scope: package
# custom:
#   id: LLM-K8S-010
#   severity: critical
#   remediation: >-
#     Move the value into a Secret and use env[].valueFrom.secretKeyRef; on a command line,
#     pass $(VAR) from such an env variable or a file path instead of the literal.
#   frameworks:
#     nsa-cisa-k8s: ["Network separation: Secrets"]
#     owasp-llm-2025: ["LLM02:2025"]
#     cis-kubernetes: ["5.4.1"]
#     cis-eks: ["4.4.1"]
package llmops.runtime.kubernetes.no_secret_literals

import data.llmops.lib.runtime as lib
import data.llmops.lib.secrets

# A credential-like name with a literal value.
deny contains {"id": "LLM-K8S-010", "msg": msg, "path": concat("", [lib.text(pointer), "/env/", format_int(j, 10), "/value"]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	some j, variable in object.get(container, "env", [])
	secrets.credential_name(variable.name)
	secrets.literal(variable.value)
	urn := input.resources[i].urn
	msg := concat("", ["container ", lib.text(container.name), " sets ", lib.text(variable.name), " from a literal value"])
}

# A value shaped like a credential, whatever the variable is called.
deny contains {"id": "LLM-K8S-010", "msg": msg, "path": concat("", [lib.text(pointer), "/env/", format_int(j, 10), "/value"]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	some j, variable in object.get(container, "env", [])
	not secrets.credential_name(variable.name)
	found := secrets.shapes(variable.value)
	count(found) > 0
	urn := input.resources[i].urn
	msg := concat("", ["container ", lib.text(container.name), " sets ", lib.text(variable.name), " to a literal ", lib.text(concat(", ", sort(found)))])
}

# A command or argument that holds a credential shape, a `--api-key=<literal>` flag, or a
# shell line with `--api-key <literal>` in it.
deny contains {"id": "LLM-K8S-010", "msg": msg, "path": concat("", [lib.text(pointer), "/", lib.text(field), "/", format_int(k, 10)]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	some field in ["command", "args"]
	some k, arg in object.get(container, field, [])
	found := secrets.shapes(arg) | {concat("", ["--", lib.text(flag), " …"]) | some flag in secrets.flagged_in_text(arg)}
	count(found) > 0
	urn := input.resources[i].urn
	msg := concat("", ["container ", lib.text(container.name), " passes a literal credential in ", lib.text(field), "[", format_int(k, 10), "] (", lib.text(concat(", ", sort(found))), ")"])
}

# The literal after a credential flag given as its own argument: ["--api-key", "…"].
deny contains {"id": "LLM-K8S-010", "msg": msg, "path": concat("", [lib.text(pointer), "/", lib.text(field), "/", format_int(k, 10)]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	some field in ["command", "args"]
	arguments := object.get(container, field, [])
	some k in secrets.flag_values(arguments)
	count(secrets.shapes(arguments[k])) == 0
	urn := input.resources[i].urn
	msg := concat("", ["container ", lib.text(container.name), " passes ", lib.text(arguments[k - 1]), " a literal value"])
}
