# METADATA
# title: The fine-tuning pipeline the spec declares is built
# description: >-
#   A fine-tuning spec (input.spec.spec.fineTuning) is only half a control until its workloads
#   exist: for every dataset version a gate workload that admits it (redaction or lawful basis
#   before it enters the dataset store); a training workload that claims a GPU, reads the base
#   weights by their pinned digest and names every dataset version it trains on (the lineage:
#   dataset versions, base digest, output); and an evaluation workload that scores the output
#   model's pinned digest on its evaluation dataset, so evidence exists for the digest that ships.
#   Workloads are found by what their containers are given (arguments, command, environment),
#   whatever their labels or kind (Job, CronJob, any pod template the library knows).
# scope: package
# custom:
#   id: LLM-FTJOB-001
#   severity: high
#   remediation: >-
#     Build the pipeline from the spec (the llmops FineTuningPipeline component does: a gate Job
#     per dataset, a GPU training Job given the base digest and dataset versions, an evaluation
#     Job given the output digest and evaluation dataset), or, with your own workloads, pass them
#     the pinned digests and dataset versions the spec declares.
#   frameworks:
#     nist-ai-rmf: ["MAP 2.3", "MEASURE 2.5"]
#     eu-ai-act: ["Art. 10", "Annex IV"]
#     owasp-llm-2025: ["LLM04:2025"]
#     iso-42001: ["A.7.5"]
package llmops.runtime.patterns.fine_tuning_pipeline

import data.llmops.lib.runtime as lib

fine_tuning := input.spec.spec.fineTuning

# Every string a workload's containers are given, joined: [resource index, text].
workloads contains [i, text] if {
	some [i, _, pod] in lib.pod_specs
	given := [s | some container in pod_containers(pod); some s in container_strings(container)]
	text := concat(" ", given)
}

# Workloads whose pods claim a GPU.
gpu_workloads contains i if {
	some [i, _, pod] in lib.pod_specs
	some container in pod_containers(pod)
	object.get(container, ["resources", "limits", "nvidia.com/gpu"], null) != null
}

pod_containers(pod) := array.concat(object.get(pod, "containers", []), object.get(pod, "initContainers", []))

container_strings(container) := array.concat(
	array.concat([s | some s in object.get(container, "args", []); is_string(s)], [s | some s in object.get(container, "command", []); is_string(s)]),
	[e.value | some e in object.get(container, "env", []); is_string(e.value)],
)

digest_hex(digest) := trim_prefix(digest, "sha256:")

version_ref(dataset) := concat("@", [dataset.name, dataset.version])

# The output model: fineTuning.outputModel, else the first primary model.
output_model := model if {
	some model in input.spec.spec.models
	model.name == fine_tuning.outputModel
}

output_model := [model | some model in input.spec.spec.models; object.get(model, "role", "primary") == "primary"][0] if {
	fine_tuning
	not fine_tuning.outputModel
}

training contains i if {
	some [i, text] in workloads
	i in gpu_workloads
	contains(text, digest_hex(fine_tuning.baseModelDigest))
}

deny contains {"id": "LLM-FTJOB-001", "msg": msg, "path": ""} if {
	fine_tuning.baseModelDigest
	count(training) == 0
	msg := concat("", ["the spec fine-tunes from base weights ", fine_tuning.baseModelDigest, ", but no workload claims a GPU and reads them by that digest: there is no training job"])
}

deny contains {"id": "LLM-FTJOB-001", "msg": msg, "path": lib.resource_pointer(i), "resource": urn} if {
	some [i, text] in workloads
	i in training
	some dataset in fine_tuning.datasets
	not contains(text, version_ref(dataset))
	urn := input.resources[i].urn
	msg := concat("", ["training job ", lib.text(input.resources[i].name), " does not name dataset version ", version_ref(dataset), ": its lineage cannot be traced"])
}

deny contains {"id": "LLM-FTJOB-001", "msg": msg, "path": ""} if {
	count(training) > 0
	some dataset in fine_tuning.datasets
	gates := {i | some [i, text] in workloads; not i in training; contains(text, version_ref(dataset))}
	count(gates) == 0
	msg := concat("", ["no gate workload admits dataset ", version_ref(dataset), " into the dataset store (redaction or lawful basis before training)"])
}

deny contains {"id": "LLM-FTJOB-001", "msg": msg, "path": ""} if {
	digest := output_model.source.digest
	dataset := output_model.evaluation.dataset
	evaluations := {i |
		some [i, text] in workloads
		not i in training
		contains(text, digest_hex(digest))
		contains(text, version_ref(dataset))
	}
	count(evaluations) == 0
	msg := concat("", ["no evaluation workload scores the fine-tuned model ", output_model.name, " (", digest, ") on ", version_ref(dataset), ": no evidence can exist for the digest that ships"])
}
