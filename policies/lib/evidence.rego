# METADATA
# title: Shared evaluation-evidence logic
# description: >-
#   Joins input.evidence (EvaluationEvidence documents, each with a `loaded` record that the
#   TypeScript loader adds: file, sha256 and ageSeconds) and input.baseline with the spec's
#   evaluation gates, and lists every problem once. The LLM-EVID checks each report their own
#   kind of problem for models with gate block; LLM-EVID-009 reports every kind for gate warn.
#   A metric's own `gate` overrides the model's for the problems of that metric (its value,
#   sample size and regression); the problems of the whole model (missing, unbound, stale
#   evidence, red-team results) block when the model's gate or any of its metrics' blocks.
#   Ages come from TypeScript because opa-wasm has no time.* builtins. Without input.evidence
#   (no evidence flags given) nothing here is defined and no evidence check fires.
# scope: package
package llmops.lib.evidence

import data.llmops.lib.spec

params := data.llmops.params

# Models whose evaluation gate needs evidence: user-facing models that declare metrics.
gated(model) if {
	spec.gated_model(model)
	count(model.evaluation.metrics) > 0
}

# What the spec binds a model's evidence to; a binding the spec does not declare is not compared
# (the digest always is: evidence for weights nobody pinned proves nothing).
declared(model) := {key: value |
	some key, value in {
		"model digest": object.get(model.source, "digest", "(none declared)"),
		"dataset": dataset_label(object.get(model.evaluation, "dataset", null)),
		"prompt template version": object.get(model, ["reproducibility", "promptTemplateVersion"], null),
		"seed": object.get(model, ["reproducibility", "seed"], null),
	}
	value != null
}

observed(doc) := {
	"model digest": doc.subject.model.digest,
	"dataset": dataset_label(doc.subject.dataset),
	"prompt template version": object.get(doc.subject, "promptTemplateVersion", "(none recorded)"),
	"seed": object.get(doc.subject, "seed", "(none recorded)"),
}

dataset_label(null) := null

dataset_label(dataset) := sprintf("%s@%s", [dataset.name, dataset.version]) if dataset != null

# "binding: evidence value, spec value" for every binding the document gets wrong.
mismatches(doc, model) := {sprintf("%s %v, spec %v", [key, observed(doc)[key], want]) |
	some key, want in declared(model)
	observed(doc)[key] != want
}

# Documents that name the model (by name or by digest), bound or not.
docs_for(model) := [doc |
	some doc in input.evidence
	names(doc, model)
]

names(doc, model) if doc.subject.model.name == model.name

names(doc, model) if doc.subject.model.digest == object.get(model.source, "digest", "")

# Documents bound to exactly what the spec deploys.
bound(model) := [doc |
	some doc in docs_for(model)
	count(mismatches(doc, model)) == 0
]

# Metrics with a ceiling in params.metric_ceilings (perplexity, toxicity) are lower-is-better.
lower_is_better(name) if params.metric_ceilings[name]

fails(name, value, threshold) if {
	lower_is_better(name)
	value > threshold
}

fails(name, value, threshold) if {
	not lower_is_better(name)
	value < threshold
}

direction(name) := "at most" if lower_is_better(name)

direction(name) := "at least" if not lower_is_better(name)

# The gate of one metric: its own, else the model's.
metric_gate(model, metric) := object.get(metric, "gate", model.evaluation.gate)

# The gate of problems that concern the whole model: block when the model's gate blocks or any
# of its metrics does (evidence that is missing or unbound leaves a blocking metric unproven).
model_gate(model) := "block" if blocks(model)

model_gate(model) := "warn" if not blocks(model)

blocks(model) if model.evaluation.gate == "block"

blocks(model) if {
	some metric in model.evaluation.metrics
	metric.gate == "block"
}

# The strictest gate among the gated models: data-quality results belong to the stack, not a model.
default stack_gate := "warn"

stack_gate := "block" if {
	some model in input.spec.models
	gated(model)
	blocks(model)
}

reported(model, name) if {
	some doc in bound(model)
	some result in doc.results.metrics
	result.name == name
}

max_age_days(model) := object.get(model.evaluation, "maxEvidenceAgeDays", params.evidence_max_age_days)

allowed_decrease(model, kind) := object.get(model.evaluation, ["regression", kind], params.evidence_max_regression[kind])

# How much worse the candidate is than the baseline, in the metric's own direction.
decrease(name, candidate, baseline) := candidate - baseline if lower_is_better(name)

decrease(name, candidate, baseline) := baseline - candidate if not lower_is_better(name)

regressed(model, name, candidate, baseline) if decrease(name, candidate, baseline) > allowed_decrease(model, "maxAbsoluteDecrease")

regressed(model, name, candidate, baseline) if {
	baseline != 0
	decrease(name, candidate, baseline) / abs(baseline) > allowed_decrease(model, "maxRelativeDecrease")
}

max_attack_success(category) := object.get(params.red_team_max_success_rate, category, params.red_team_max_success_rate_default)

# Every problem, by kind. Checks LLM-EVID-001..008 pick their kind for gate block, 009 all for gate warn.
problems contains {"check": "missing", "gate": model_gate(model), "path": sprintf("/spec/models/%d/evaluation", [i]), "msg": msg} if {
	is_array(input.evidence)
	some i, model in input.spec.models
	gated(model)
	count(docs_for(model)) == 0
	msg := sprintf("no evidence names model %s (%s) for dataset %v", [model.name, declared(model)["model digest"], object.get(declared(model), "dataset", "(none declared)")])
}

problems contains {"check": "binding", "gate": model_gate(model), "path": sprintf("/spec/models/%d/evaluation", [i]), "msg": msg} if {
	is_array(input.evidence)
	some i, model in input.spec.models
	gated(model)
	count(bound(model)) == 0
	some doc in docs_for(model)
	msg := sprintf("evidence %s for model %s is bound to something else: %s", [doc.loaded.file, model.name, concat("; ", sort(mismatches(doc, model)))])
}

problems contains {"check": "metric", "gate": metric_gate(model, gate), "path": sprintf("/spec/models/%d/evaluation/metrics/%d", [i, j]), "msg": msg} if {
	some i, model in input.spec.models
	gated(model)
	some doc in bound(model)
	some j, gate in model.evaluation.metrics
	some result in doc.results.metrics
	result.name == gate.name
	fails(gate.name, result.value, gate.threshold)
	msg := sprintf("%s of model %s is %v in %s; the gate requires %s %v", [gate.name, model.name, result.value, doc.loaded.file, direction(gate.name), gate.threshold])
}

problems contains {"check": "metric", "gate": metric_gate(model, gate), "path": sprintf("/spec/models/%d/evaluation/metrics/%d", [i, j]), "msg": msg} if {
	some i, model in input.spec.models
	gated(model)
	count(bound(model)) > 0
	some j, gate in model.evaluation.metrics
	not reported(model, gate.name)
	msg := sprintf("no bound evidence reports %s for model %s", [gate.name, model.name])
}

problems contains {"check": "sample", "gate": metric_gate(model, gate), "path": sprintf("/spec/models/%d/evaluation/metrics/%d/sampleSize", [i, j]), "msg": msg} if {
	some i, model in input.spec.models
	gated(model)
	some doc in bound(model)
	some j, gate in model.evaluation.metrics
	some result in doc.results.metrics
	result.name == gate.name
	result.sampleSize < object.get(gate, "sampleSize", 0)
	msg := sprintf("%s of model %s was scored on %d items in %s; the spec requires %d", [gate.name, model.name, result.sampleSize, doc.loaded.file, gate.sampleSize])
}

problems contains {"check": "age", "gate": model_gate(model), "path": sprintf("/spec/models/%d/evaluation", [i]), "msg": msg} if {
	some i, model in input.spec.models
	gated(model)
	some doc in bound(model)
	doc.loaded.ageSeconds > max_age_days(model) * 86400
	msg := sprintf("evidence %s for model %s was produced %d days ago; at most %d days are accepted", [doc.loaded.file, model.name, floor(doc.loaded.ageSeconds / 86400), max_age_days(model)])
}

problems contains {"check": "age", "gate": model_gate(model), "path": sprintf("/spec/models/%d/evaluation", [i]), "msg": msg} if {
	some i, model in input.spec.models
	gated(model)
	some doc in bound(model)
	doc.loaded.ageSeconds < 0 - params.evidence_clock_skew_seconds
	msg := sprintf("evidence %s for model %s is dated %s, in the future", [doc.loaded.file, model.name, doc.metadata.producedAt])
}

problems contains {"check": "regression", "gate": metric_gate(model, gate), "path": sprintf("/spec/models/%d/evaluation/metrics/%d", [i, j]), "msg": msg} if {
	is_array(input.baseline)
	some i, model in input.spec.models
	gated(model)
	some doc in bound(model)
	some j, gate in model.evaluation.metrics
	some result in doc.results.metrics
	result.name == gate.name
	some base in input.baseline
	base.subject.model.name == model.name
	dataset_label(base.subject.dataset) == declared(model).dataset
	some previous in base.results.metrics
	previous.name == gate.name
	regressed(model, gate.name, result.value, previous.value)
	msg := sprintf("%s of model %s regressed from %v (baseline %s) to %v; allowed: %v absolute, %v relative", [
		gate.name, model.name, previous.value, base.loaded.file, result.value,
		allowed_decrease(model, "maxAbsoluteDecrease"), allowed_decrease(model, "maxRelativeDecrease"),
	])
}

problems contains {"check": "red_team", "gate": model_gate(model), "path": sprintf("/spec/models/%d/evaluation", [i]), "msg": msg} if {
	some i, model in input.spec.models
	gated(model)
	some doc in bound(model)
	some result in doc.results.redTeam
	result.successes / result.attempts > max_attack_success(result.category)
	msg := sprintf("red-team category %s against model %s succeeded %d of %d times in %s; at most %v is accepted", [
		result.category, model.name, result.successes, result.attempts, doc.loaded.file,
		max_attack_success(result.category),
	])
}

problems contains {"check": "data_quality", "gate": stack_gate, "path": sprintf("/spec/data/sources/%d", [k]), "msg": msg} if {
	is_array(input.evidence)
	some k, source in input.spec.data.sources
	some doc in input.evidence
	some result in doc.results.dataQuality
	result.source == source.name
	result.passed == false
	msg := sprintf("data-quality check %s failed on source %s in %s", [result.check, source.name, doc.loaded.file])
}
