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

self_hosted_runtimes := {"vllm", "tgi", "tei", "triton"}

# Models whose output users see, and which therefore carry evaluation gates.
gated_model(model) if model.role in {"primary", "fallback"}

# Models served by the stack itself (weights and images under our control).
self_hosted(model) if model.serving.runtime in self_hosted_runtimes

# The stack builds a cluster: every pattern but embedded does, and embedded does when it serves a
# model itself (stacks/aws-stack.ts needsCluster; target kubernetes deploys to a given cluster).
has_cluster if input.spec.pattern != "embedded"

has_cluster if {
	some model in input.spec.models
	self_hosted(model)
}

# Model sources that point at weights (as opposed to an API or SaaS).
weights_source(model) if model.source.type in {"registry", "s3", "huggingface"}

regulated_domain if input.spec.useCase.regulatedDomain in params.explanation_required_domains

has_prefix_in(value, prefixes) if {
	some prefix in prefixes
	startswith(value, prefix)
}

# Seconds in an ISO 8601 duration made of day/hour/minute/second parts (P1D, PT5M, PT1H30M).
# time.parse_duration_ns is not available in WebAssembly, and a regex here cost a fresh re2
# compilation on every evaluation, so the duration is cut after each unit letter instead:
# "PT1H30M" -> ["T1H", "30M"]. The schema has already checked the shape.
duration_seconds(duration) := sum([seconds |
	some part in split(strings.replace_n(unit_cuts, trim_prefix(duration, "P")), ",")
	part != ""
	unit := substring(part, count(part) - 1, 1)
	seconds := to_number(trim_prefix(substring(part, 0, count(part) - 1), "T")) * unit_seconds(duration, unit)
])

unit_cuts := {"W": "W,", "D": "D,", "H": "H,", "M": "M,", "S": "S,"}

unit_seconds(_, "W") := 604800

unit_seconds(_, "D") := 86400

unit_seconds(_, "H") := 3600

# M means months before the T and minutes after it; only minutes are allowed for SLAs.
unit_seconds(duration, "M") := 60 if contains(duration, "T")

unit_seconds(duration, "M") := 2592000 if not contains(duration, "T")

unit_seconds(_, "S") := 1

wildcard(permission) if contains(permission, "*")
