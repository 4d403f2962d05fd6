# METADATA
# title: API and SaaS models are pinned to a version
# description: >-
#   Hosted models change behind an alias; pinning the version keeps the evaluated model and
#   the deployed one the same.
# scope: package
# custom:
#   id: LLM-MODEL-004
#   severity: high
#   remediation: >-
#     Set source.version to the provider's dated model version.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.5"]
#     nist-ai-600-1: ["Value Chain and Component Integration"]
#     owasp-llm-2025: ["LLM03:2025"]
package llmops.spec.model.api_version_pinned

deny contains {"id": "LLM-MODEL-004", "msg": msg, "path": sprintf("/spec/models/%d/source", [i])} if {
	some i, model in input.spec.models
	model.source.type in {"bedrock", "externalApi", "saas"}
	not model.source.version
	msg := sprintf("API model %s is not pinned to a version", [model.name])
}
