# METADATA
# title: Models come only from approved registries
# description: >-
#   Weights and model APIs must come from sources the organisation has vetted, to keep
#   poisoned or unlicensed models out.
# scope: package
# custom:
#   id: LLM-MODEL-002
#   severity: high
#   remediation: >-
#     Move the model to an approved registry, or ask the policy owners to add the registry to
#     approved_model_registries.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 6.1", "MAP 4.1"]
#     nist-ai-600-1: ["Value Chain and Component Integration", "Intellectual Property"]
#     owasp-llm-2025: ["LLM03:2025"]
#     iso-42001: ["A.10.3"]
package llmops.spec.model.approved_registry

import data.llmops.lib.spec

deny contains {"id": "LLM-MODEL-002", "msg": msg, "path": sprintf("/spec/models/%d/source/uri", [i])} if {
	some i, model in input.spec.models
	not spec.has_prefix_in(model.source.uri, spec.params.approved_model_registries)
	msg := sprintf("model %s comes from %s, which is not an approved registry", [model.name, model.source.uri])
}
