# METADATA
# title: Shared helpers over the spec
# description: Predicates and parameters used by several spec checks.
# scope: package
package llmops.lib.spec

params := data.llmops.params

customer_facing if input.spec.useCase.audience in {"customers", "public"}

production if input.metadata.environment == "prod"

high_risk if input.spec.useCase.riskTier == "high"

sensitive_classifications := {"confidential", "restricted"}

# The stack handles personal or confidential data in any declared source.
sensitive_data if {
	some source in input.spec.data.sources
	source.containsPersonalData
}

sensitive_data if {
	some source in input.spec.data.sources
	source.classification in sensitive_classifications
}

self_hosted_runtimes := {"vllm", "tgi", "triton"}

# Models whose output users see, and which therefore carry evaluation gates.
gated_model(model) if model.role in {"primary", "fallback"}

# Models served by the stack itself (weights and images under our control).
self_hosted(model) if model.serving.runtime in self_hosted_runtimes

# Model sources that point at weights (as opposed to an API or SaaS).
weights_source(model) if model.source.type in {"registry", "s3", "huggingface"}

regulated_domain if input.spec.useCase.regulatedDomain in params.explanation_required_domains

has_prefix_in(value, prefixes) if {
	some prefix in prefixes
	startswith(value, prefix)
}

# Seconds in an ISO 8601 duration made of day/hour/minute/second parts (P1D, PT5M, PT1H30M).
# Parsed with regex because time.parse_duration_ns is not available in WebAssembly.
duration_seconds(duration) := sum([seconds |
	some part in regex.find_all_string_submatch_n(`([0-9]+)([WDHMS])`, duration, -1)
	seconds := to_number(part[1]) * unit_seconds(duration, part)
])

unit_seconds(_, part) := 604800 if part[2] == "W"

unit_seconds(_, part) := 86400 if part[2] == "D"

unit_seconds(_, part) := 3600 if part[2] == "H"

# M means months before the T and minutes after it; only minutes are allowed for SLAs.
unit_seconds(duration, part) := 60 if {
	part[2] == "M"
	contains(duration, "T")
}

unit_seconds(duration, part) := 2592000 if {
	part[2] == "M"
	not contains(duration, "T")
}

unit_seconds(_, part) := 1 if part[2] == "S"

wildcard(permission) if contains(permission, "*")
