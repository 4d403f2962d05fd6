# METADATA
# title: The AI disclosure the spec declares is on the gateway's responses
# description: >-
#   With governance.disclosure.aiDisclosure, every response through the gateway carries the
#   disclosure: a response header (data.yaml disclosure_headers) added by the proxy in front of
#   the gateway (nginx add_header in a ConfigMap, or ingress-nginx more_set_headers in an
#   Ingress annotation), holding the spec's disclosure text when it sets one.
# scope: package
# custom:
#   id: LLM-CTRL-004
#   severity: high
#   remediation: >-
#     Add the disclosure header to the proxy in front of the gateway (the llmops Gateway
#     component's edge proxy does), with the text of spec.governance.disclosure.text.
#   frameworks:
#     eu-ai-act: ["Art. 50"]
#     nist-ai-600-1: ["Human-AI Configuration"]
#     nist-ai-rmf: ["GOVERN 6.1", "MAP 4.1"]
package llmops.runtime.controls.disclosure_served

import data.llmops.lib.gateway

deny contains {"id": "LLM-CTRL-004", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	input.spec.spec.governance.disclosure.aiDisclosure == true
	not served
	some [i, key, _] in gateway.litellm_configs
	urn := input.resources[i].urn
	msg := sprintf("the spec declares an AI disclosure, but no proxy in front of gateway config %s adds a disclosure header to its responses", [input.resources[i].props.metadata.name])
}

served if {
	some text in header_texts
	some line in split(text, "\n")
	some header in gateway.params.disclosure_headers
	regex.match(sprintf(`(?i)\b(add_header|more_set_headers)\s+["']?%s\b`, [header]), line)
	carries_text(line)
}

# Texts that may add response headers: ConfigMap values and Ingress annotations.
header_texts contains text if {
	some resource in input.resources
	resource.type in {"kubernetes:core/v1:ConfigMap", "kubernetes:networking.k8s.io/v1:Ingress"}
	some field in ["data", ["metadata", "annotations"]]
	some text in object.get(resource.props, field, {})
	is_string(text)
}

carries_text(_) if not input.spec.spec.governance.disclosure.text

carries_text(line) if contains(line, input.spec.spec.governance.disclosure.text)
