# METADATA
# title: The gateway enforces the response contract the spec declares (citations, explanations)
# description: >-
#   With explainability.citations, an answer without the sources it used must be an error
#   response, not an answer; with explainability.userFacingExplanations, an answer without its
#   explanation likewise (docs/response-contract.md). The LiteLLM gateway configuration must run,
#   on every response (post_call, default_on, not monitor-only), a guardrail the organisation
#   trusts to enforce that part of the contract (data.yaml response_contract_providers). When the
#   guardrail is a Python module in the same ConfigMap (LiteLLM's `<module>.<Class>` custom
#   guardrail), the module must also turn that requirement on (REQUIRE_CITATIONS = True,
#   REQUIRE_EXPLANATION = True).
# scope: package
# custom:
#   id: LLM-CTRL-012
#   severity: high
#   remediation: >-
#     Add the response-contract guardrail to the gateway's `guardrails:` list with mode post_call
#     and default_on: true, its module beside config.yaml with the declared requirements on (the
#     llmops Gateway component builds both from spec.explainability), or remove the declaration
#     from the spec if the contract is not wanted.
#   frameworks:
#     eu-ai-act: ["Art. 13"]
#     owasp-llm-2025: ["LLM09:2025"]
#     nist-ai-600-1: ["Information Integrity"]
package llmops.runtime.controls.response_contract

import data.llmops.lib.gateway

# The contract's requirements the spec declares: [requirement, spec field].
declared contains ["citations", "explainability.citations"] if input.spec.spec.explainability.citations == true

declared contains ["explanation", "explainability.userFacingExplanations"] if {
	input.spec.spec.explainability.userFacingExplanations == true
}

# The flag line a contract module in the ConfigMap must hold for each requirement.
module_flags := {"citations": "REQUIRE_CITATIONS", "explanation": "REQUIRE_EXPLANATION"}

deny contains {"id": "LLM-CTRL-012", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	some [requirement, field] in declared
	some [i, key, config] in gateway.litellm_configs
	urn := input.resources[i].urn
	not enforced(i, config, requirement)
	msg := sprintf(
		"the spec declares %s, but gateway config %s runs no post_call guardrail that turns an answer without its %s into an error response",
		[field, input.resources[i].props.metadata.name, requirement],
	)
}

enforced(i, config, requirement) if {
	some entry in gateway.guardrails(config)
	provider := gateway.setting(entry, "guardrail")
	provider in gateway.params.response_contract_providers[requirement]
	"post_call" in gateway.modes(entry)
	gateway.always_on(entry)
	not module_off(i, provider, requirement)
}

# The provider's module is in the ConfigMap, and it does not turn the requirement on.
module_off(i, provider, requirement) if {
	parts := split(provider, ".")
	count(parts) == 2
	text := input.resources[i].props.data[concat("", [parts[0], ".py"])]
	not flag_on(text, module_flags[requirement])
}

flag_on(text, flag) if {
	some line in split(text, "\n")
	trim_space(line) == concat("", [flag, " = True"])
}
