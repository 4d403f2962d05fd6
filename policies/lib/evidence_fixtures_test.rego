# Evidence fixtures shared by the LLM-EVID checks' tests (excluded from the bundle with the tests):
# evidence that passes every gate of the base spec's model, and builders that break one thing.
package llmops.evidence_fixtures_test

import data.llmops.fixtures_test as fx

doc := {
	"apiVersion": "llmops/v1alpha1",
	"kind": "EvaluationEvidence",
	"metadata": {
		"producedAt": "2026-11-01T00:00:00Z",
		"producer": {"tool": "llmops", "version": "0.1.0"},
	},
	"subject": {
		"model": {"name": "llama-31-8b", "digest": "sha256:fb5fddcdc76518b37eccc473060da81aa47f306179e544891d3e43832639d373"},
		"dataset": {"name": "airport-faq-golden", "version": "2026.10"},
		"promptTemplateVersion": "airport-rag-v7",
		"seed": 1234,
	},
	"results": {
		"metrics": [
			{"name": "groundedness", "value": 0.93, "sampleSize": 500},
			{"name": "factuality", "value": 0.9, "sampleSize": 500},
			{"name": "toxicity", "value": 0.004, "sampleSize": 500},
			{"name": "humanEval", "value": 4.2, "sampleSize": 150},
		],
		"redTeam": [{"category": "prompt-injection", "owaspId": "LLM01:2025", "attempts": 200, "successes": 2}],
		"dataQuality": [{"source": "flight-status", "check": "schema", "passed": true, "rowsChecked": 1000, "rowsFailed": 0}],
	},
	"loaded": {"file": "evidence.yaml", "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "ageSeconds": 86400},
}

# The base spec with these evidence documents (and no baseline).
with_evidence(docs) := object.union(fx.base, {"evidence": docs})

# The base spec, evidence and a baseline.
with_baseline(docs, baseline) := object.union(fx.base, {"evidence": docs, "baseline": baseline})

# The passing document with a deep patch.
evidence(patch) := object.union(doc, patch)

# The passing document with one metric's value (and sample size) replaced.
metric(name, value, samples) := evidence({"results": {"metrics": [m |
	some original in doc.results.metrics
	m := replaced(original, name, value, samples)
]}})

replaced(original, name, value, samples) := {"name": name, "value": value, "sampleSize": samples} if original.name == name

replaced(original, name, _, _) := original if original.name != name

# The base spec with its model's gate set to warn.
warn_gate(docs) := object.union(fx.model({"evaluation": object.union(fx.base.spec.models[0].evaluation, {"gate": "warn"})}), {"evidence": docs})

passing := with_evidence([doc])

# The base spec with its model's gate set to `model_gate` and metric j's own gate to `own`.
metric_gated(docs, model_gate, j, own) := object.union(
	fx.model({"evaluation": object.union(fx.base.spec.models[0].evaluation, {"gate": model_gate, "metrics": [gated_metric(original, k, j, own) | some k, original in fx.base.spec.models[0].evaluation.metrics]})}),
	{"evidence": docs},
)

gated_metric(original, k, j, own) := object.union(original, {"gate": own}) if k == j

gated_metric(original, k, j, _) := original if k != j
