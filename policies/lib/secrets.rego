# METADATA
# title: Credentials recognised by content and by name
# description: >-
#   Shared by every check that looks for credentials written as literals (env values, args,
#   ConfigMap values, spec text): the value's shape (policies/data.yaml credential_patterns),
#   a credential-like name next to a literal value, and `--api-key <literal>` style flags.
#   Results name the shape or the key, never the value.
# scope: package
package llmops.lib.secrets

params := data.llmops.params

# Names of the credential shapes found in a string, e.g. {"openai-key"}.
shapes(value) := {name |
	is_string(value)
	some name, pattern in params.credential_patterns
	regex.match(pattern, value)
}

# A name that says its value is a credential (PGPASSWORD, OPENAI_KEY, db.password), unless it is
# an LLM parameter that only looks like one (max_tokens, eos_token, max_new_tokens).
credential_name(name) if {
	is_string(name)
	regex.match(params.credential_name_pattern, name)
	not regex.match(params.non_credential_name_pattern, name)
}

# A value written in place, as opposed to a reference to where the secret lives ($(VAR),
# ${VAR}, os.environ/VAR, a file path, a secret-manager URI) or a number or switch.
literal(value) if {
	is_string(value)
	trim_space(value) != ""
	not regex.match(params.credential_reference_pattern, trim_space(value))
	not regex.match(`^([0-9]+(\.[0-9]+)?|true|false|yes|no|on|off|null|~)$`, lower(trim_space(value)))
}

# Names of `name: value`, `name=value` and `"name": "value"` assignments in free text whose
# name is a credential name and whose value is a literal (.env files, properties, YAML or JSON
# written as text). A `${VAR}` or `${VAR:default}` reference is read whole, so the closing brace
# that ends a JSON value elsewhere does not cut it into something that looks literal.
assigned_credentials(text) := {match[1] |
	is_string(text)
	some match in regex.find_all_string_submatch_n(`["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*[:=][ \t]*["']?(\$\{[^}\s]*\}|[^\s"',;}\]]*)`, text, -1)
	credential_name(match[1])
	literal(match[2])
}

# Flags of `--flag <literal>` or `--flag=<literal>` inside one string (a shell command line),
# for the flags in credential_flags.
flagged_in_text(text) := {match[1] |
	is_string(text)
	some match in regex.find_all_string_submatch_n(`(?:^|\s)--([A-Za-z0-9-]+)(?:=|\s+)["']?([^\s"']+)`, text, -1)
	match[1] in params.credential_flags
	literal(match[2])
}

# Indexes k of an argument list where args[k] is the literal value of a credential flag given
# as a separate argument (["--api-key", "sk-…"]).
flag_values(args) := {k |
	some k, value in args
	k > 0
	is_string(args[k - 1])
	trim_prefix(args[k - 1], "--") in params.credential_flags
	startswith(args[k - 1], "--")
	literal(value)
}

# Why a string holds a credential, as words for a message (without the value), if it does.
reasons(text) := (shapes(text) | {sprintf("%s=…", [name]) | some name in assigned_credentials(text)}) | {sprintf("--%s …", [flag]) | some flag in flagged_in_text(text)}

# Structured documents embedded in a string: JSON or YAML that parses to an object or array.
embedded(text) := doc if {
	is_string(text)
	regex.match(`^\s*[\[{]`, text)
	json.is_valid(text)
	doc := json.unmarshal(text)
}

embedded(text) := doc if {
	is_string(text)
	not json.is_valid(text)
	contains(text, ":")
	yaml.is_valid(text)
	doc := yaml.unmarshal(text)
	not is_string(doc)
}

# Credential names bound to literal values anywhere inside a structured value.
nested_credentials(doc) := {path[count(path) - 1] |
	walk(doc, [path, value])
	count(path) > 0
	credential_name(path[count(path) - 1])
	literal(value)
}
