# METADATA
# title: ConfigMaps hold no credentials
# description: >-
#   ConfigMaps are readable by anyone with namespace read access and are not encrypted like
#   Secrets. Each value is judged by content: credential shapes (policies/data.yaml
#   credential_patterns), credential-named keys with literal values, also inside JSON or YAML
#   written into a value, and `--api-key <literal>` flags. LLM parameters such as max_tokens
#   are not credentials.
# scope: package
# custom:
#   id: LLM-K8S-026
#   severity: critical
#   remediation: >-
#     Move credentials into a Secret (or an external secret store) and reference them.
#   frameworks:
#     nsa-cisa-k8s: ["Network separation: Secrets"]
#     owasp-llm-2025: ["LLM02:2025"]
#     cis-kubernetes: ["5.4.2"]
#     cis-eks: ["4.4.2"]
package llmops.runtime.kubernetes.no_secrets_in_configmaps

import data.llmops.lib.runtime as lib
import data.llmops.lib.secrets

deny contains {"id": "LLM-K8S-026", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/data/", lib.text(key)]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:ConfigMap"
	some key, value in object.get(resource.props, "data", {})
	found := reasons(key, value)
	count(found) > 0
	msg := concat("", ["ConfigMap ", lib.text(resource.props.metadata.name), " holds a credential in ", lib.text(key), " (", lib.text(concat(", ", sort(found))), ")"])
}

# Why one entry holds a credential, in words that never include the value.
reasons(key, value) := (named(key, value) | secrets.reasons(value)) | nested(value)

named(key, value) := {"credential-named key" |
	secrets.credential_name(key)
	secrets.literal(value)
}

nested(value) := {concat("", [lib.text(name), " in an embedded document"]) | some name in secrets.nested_credentials(secrets.embedded(value))}
