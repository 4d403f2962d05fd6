package llmops.runtime.controls.response_contract_test

import data.llmops.controls_fixtures_test as cx
import data.llmops.lib.testing
import data.llmops.runtime.controls.response_contract as check

pointer := "/resources/0/props/data/config.yaml"

contract := {"guardrail_name": "response-contract", "litellm_params": {
	"guardrail": "response_contract.ResponseContractGuardrail",
	"mode": ["pre_call", "post_call"], "default_on": true,
}}

module_text(citations, explanation) := concat("\n", [
	"import json",
	sprintf("REQUIRE_CITATIONS = %s", [citations]),
	sprintf("REQUIRE_EXPLANATION = %s", [explanation]),
	"class ResponseContractGuardrail: pass",
])

with_contract := object.union(cx.config, {"guardrails": array.concat(cx.guardrails, [contract])})

# The gateway ConfigMap with the config and, when given, the module beside it.
gateway_map(config, module) := object.union(cx.gateway_config(config), {"props": {"data": {"response_contract.py": module}}})

doc(config, module, explainability) := {
	"resources": array.concat([gateway_map(config, module)], array.slice(cx.built, 1, 4)),
	"spec": {"spec": object.union(cx.spec, {"explainability": explainability})},
}

both := {"citations": true, "userFacingExplanations": true}

built := doc(with_contract, module_text("True", "True"), both)

# Each denied case removes the enforcement from the built gateway; the spec still declares it.
denied_cases := {
	"no contract guardrail": {"input": doc(cx.config, module_text("True", "True"), {"citations": true}), "path": pointer},
	"contract only before the call": {"input": doc(object.union(cx.config, {"guardrails": [object.union(contract, {"litellm_params": {"mode": "pre_call"}})]}), module_text("True", "True"), {"citations": true}), "path": pointer},
	"contract off by default": {"input": doc(object.union(cx.config, {"guardrails": [object.union(contract, {"litellm_params": {"default_on": false}})]}), module_text("True", "True"), {"citations": true}), "path": pointer},
	"contract monitor-only": {"input": doc(object.union(cx.config, {"guardrails": [object.union(contract, {"litellm_params": {"on_flagged": "monitor"}})]}), module_text("True", "True"), {"userFacingExplanations": true}), "path": pointer},
	"module does not require citations": {"input": doc(with_contract, module_text("False", "True"), both), "path": pointer},
	"module does not require the explanation": {"input": doc(with_contract, module_text("True", "False"), {"userFacingExplanations": true}), "path": pointer},
	"untrusted provider": {"input": doc(object.union(cx.config, {"guardrails": [object.union(contract, {"litellm_params": {"guardrail": "my_module.Anything"}})]}), module_text("True", "True"), {"citations": true}), "path": pointer},
}

allowed_cases := {
	"as built": built,
	"module mounted from elsewhere": {"resources": [cx.gateway_config(with_contract), cx.built[1], cx.built[2], cx.built[3]], "spec": built.spec},
	"only citations declared, module requires only them": doc(with_contract, module_text("True", "False"), {"citations": true}),
	"nothing declared": doc(cx.config, module_text("False", "False"), {"citations": false, "userFacingExplanations": false}),
	"no spec: nothing to tie to": {"resources": built.resources},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-012", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

# Each missing requirement is named.
test_names_both_requirements if {
	found := check.deny with input as doc(cx.config, module_text("True", "True"), both)
	count(found) == 2
	every f in found { contains(f.msg, "turns an answer without its") }
}
