# METADATA
# title: Model servers recognised by what they run
# description: >-
#   Which model server a container runs (policies/data.yaml model_servers: vLLM, TGI, Triton,
#   SGLang, TensorRT-LLM, llama.cpp, Ollama), judged by command and args before image, and
#   the values of its flags in every syntax (`--flag N`, `--flag=N`, in command, args or a
#   shell line) and of the env variables the server itself reads.
# scope: package
package llmops.lib.model_servers

params := data.llmops.params

# The command line as one string: command then args, strings only.
command_line(container) := concat(" ", [part |
	some field in ["command", "args"]
	some part in object.get(container, field, [])
	is_string(part)
])

# The command line cut into whitespace-separated words (a shell line's words included).
words(container) := [match[0] |
	some match in regex.find_all_string_submatch_n(`[^\s"']+`, command_line(container), -1)
]

# The server table entry of a container, if it runs one: the first entry whose command
# pattern matches, else the first whose image pattern matches.
server(container) := params.model_servers[min(by_command)] if {
	by_command := {k | some k, entry in params.model_servers; regex.match(entry.command, command_line(container))}
	count(by_command) > 0
}

server(container) := params.model_servers[min(by_image)] if {
	count({k | some k, entry in params.model_servers; regex.match(entry.command, command_line(container))}) == 0
	by_image := {k | some k, entry in params.model_servers; regex.match(entry.image, object.get(container, "image", ""))}
	count(by_image) > 0
}

# Values given to `flag` on the command line: `--flag value` and `--flag=value`.
flag_values(container, flag) := {value |
	some k, word in words(container)
	value := flag_value(words(container), k, word, flag)
}

flag_value(list, k, word, flag) := list[k + 1] if {
	word == flag
	k + 1 < count(list)
}

flag_value(_, _, word, flag) := substring(word, count(flag) + 1, -1) if startswith(word, concat("", [flag, "="]))

# Is the flag present at all (a switch such as --trust-remote-code, with or without =true)?
has_flag(container, flag) if {
	some word in words(container)
	word == flag
}

has_flag(container, flag) if {
	some word in words(container)
	lower(word) in {concat("", [flag, "=true"]), concat("", [flag, "=1"])}
}

# Literal values of an env variable (valueFrom is not a literal the manifest can show).
env_values(container, name) := {variable.value |
	some variable in object.get(container, "env", [])
	variable.name == name
	is_string(variable.value)
}

# [kind, value] of every token limit the server reads: from its flags and its own env.
token_limits(container, entry) := {[kind, value] |
	some flag, kind in object.get(entry, "token_flags", {})
	some value in flag_values(container, flag)
} | {[kind, value] |
	some name, kind in object.get(entry, "token_env", {})
	some value in env_values(container, name)
}

# The ceiling for a kind of limit.
ceiling("input") := params.max_input_tokens

ceiling("output") := params.max_output_tokens

ceiling("context") := params.max_input_tokens + params.max_output_tokens

# A whole number of tokens, at least 1 (0 and -1 mean "the model's maximum" or "unbounded").
bounded(kind, value) if {
	regex.match(`^[0-9]+$`, value)
	to_number(value) >= 1
	to_number(value) <= ceiling(kind)
}

# The model the server loads, as given on its command line or in its env.
models(container, entry) := ({value |
	some flag in object.get(entry, "model_flags", [])
	some value in flag_values(container, flag)
} | {value |
	some name in object.get(entry, "model_env", [])
	some value in env_values(container, name)
}) | {list[k + 1] |
	list := words(container)
	some k, word in list
	word in object.get(entry, "positional_after", [])
	k + 1 < count(list)
	not startswith(list[k + 1], "-")
}

# A Hugging Face hub id (org/name), as opposed to a local path or a URI.
hub_name(model) if regex.match(`^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$`, model)

# The revision is a full 40-hex commit (a branch or tag name can move).
revision_pinned(container, entry) if {
	some flag in object.get(entry, "revision_flags", [])
	some value in flag_values(container, flag)
	regex.match(`^[0-9a-f]{40}$`, value)
}

revision_pinned(container, entry) if {
	some name in object.get(entry, "revision_env", [])
	some value in env_values(container, name)
	regex.match(`^[0-9a-f]{40}$`, value)
}

# The server cannot reach the hub to fetch anything other than what is cached.
hub_offline(container) if {
	some name in params.hf_offline_env
	some value in env_values(container, name)
	upper(value) in {"1", "ON", "YES", "TRUE"}
}

# The metadata of the pod template that holds the pod spec at `pointer` (its sibling).
template_metadata(i, pointer) := object.get(input.resources[i].props, array.concat(parent, ["metadata"]), {}) if {
	segments := split(trim_prefix(pointer, sprintf("/resources/%d/props/", [i])), "/")
	parent := array.slice(segments, 0, count(segments) - 1)
}

# Does the container ask for a GPU (requests or limits, any name in gpu_resource_names)?
requests_gpu(container) if {
	some field in ["limits", "requests"]
	some name in params.gpu_resource_names
	object.get(container, ["resources", field, name], null) != null
}
