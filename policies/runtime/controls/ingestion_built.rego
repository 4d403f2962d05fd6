# METADATA
# title: Every embedded data source has a scheduled ingestion that can meet its freshness SLA
# description: >-
#   A source the spec embeds into the vector store (retrieval embedded, the default, in a rag
#   stack) is only as fresh as its last ingestion run. It must be read by a
#   Kubernetes CronJob (on any cluster or on EKS) whose pod passes the source's URI to a
#   container (argument or environment value), that is not suspended, and whose worst-case
#   staleness meets the source's freshnessSla. The rule: staleness is at most the longest gap
#   between two scheduled starts (lib/cron) plus the Job's activeDeadlineSeconds, after which
#   Kubernetes stops a run; without that deadline a hung run leaves the data stale without end.
# scope: package
# custom:
#   id: LLM-CTRL-020
#   severity: high
#   remediation: >-
#     Build the ingestion workload for the source (the llmops RagIngestion component does, from
#     spec.data.sources), with a schedule whose longest gap plus activeDeadlineSeconds is within
#     the freshnessSla, or set retrieval: queried on a source that is read at answer time.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.5"]
#     nist-ai-600-1: ["Confabulation"]
#     owasp-llm-2025: ["LLM09:2025"]
#     eu-ai-act: ["Art. 10"]
#     iso-42001: ["A.7.4"]
package llmops.runtime.controls.ingestion_built

import data.llmops.lib.cron
import data.llmops.lib.runtime as lib
import data.llmops.lib.spec as spec_lib

cronjob_types := {"kubernetes:batch/v1:CronJob", "kubernetes:batch/v1beta1:CronJob"}

embedded_sources contains [k, source] if {
	input.spec.spec.pattern == "rag"
	input.spec.spec.vectorStore
	some k, source in input.spec.spec.data.sources
	object.get(source, "retrieval", "embedded") == "embedded"
}

# CronJobs whose pod hands the source's URI to a container, with the index of the resource.
ingestions(source) := {i |
	some i, resource in input.resources
	resource.type in cronjob_types
	reads(resource, source.uri)
}

reads(resource, uri) if {
	pod := object.get(resource.props, ["spec", "jobTemplate", "spec", "template", "spec"], {})
	some field in ["containers", "initContainers"]
	some container in object.get(pod, field, [])
	some value in array.concat(lib.as_list(object.get(container, "args", [])), lib.as_list(object.get(container, "command", [])))
	value == uri
}

reads(resource, uri) if {
	pod := object.get(resource.props, ["spec", "jobTemplate", "spec", "template", "spec"], {})
	some field in ["containers", "initContainers"]
	some container in object.get(pod, field, [])
	some env in object.get(container, "env", [])
	env.value == uri
}

deny contains {"id": "LLM-CTRL-020", "msg": msg, "path": concat("", ["/spec/spec/data/sources/", format_int(k, 10)])} if {
	some [k, source] in embedded_sources
	count(ingestions(source)) == 0
	msg := concat("", [
		"data source ", lib.text(source.name), " is embedded into the vector store, but no CronJob reads ",
		lib.text(object.get(source, "uri", "(no uri declared)")), ": nothing ingests it, so nothing keeps its freshness SLA",
	])
}

deny contains {"id": "LLM-CTRL-020", "msg": msg, "path": pointer, "resource": urn} if {
	some [_, source] in embedded_sources
	some i in ingestions(source)
	pointer := concat("", [lib.resource_pointer(i), "/spec"])
	urn := input.resources[i].urn
	some problem in problems(input.resources[i].props.spec, source)
	msg := concat("", ["CronJob ", lib.text(input.resources[i].props.metadata.name), " ingests data source ", lib.text(source.name), " but ", problem])
}

problems(cronjob, _) := {"is suspended"} if cronjob.suspend == true

problems(cronjob, _) := {concat("", ["its schedule ", lib.text(cronjob.schedule), " cannot be read, so its gap between runs is unknown"])} if {
	object.get(cronjob, "suspend", false) != true
	not cron.max_gap_minutes(object.get(cronjob, "schedule", ""))
}

problems(cronjob, _) := {"its Job has no activeDeadlineSeconds, so a hung run leaves the data stale without bound"} if {
	object.get(cronjob, "suspend", false) != true
	cron.max_gap_minutes(object.get(cronjob, "schedule", ""))
	not is_number(object.get(cronjob, ["jobTemplate", "spec", "activeDeadlineSeconds"], null))
}

problems(cronjob, source) := {msg} if {
	object.get(cronjob, "suspend", false) != true
	gap := cron.max_gap_minutes(cronjob.schedule) * 60
	deadline := cronjob.jobTemplate.spec.activeDeadlineSeconds
	is_number(deadline)
	sla := spec_lib.duration_seconds(source.freshnessSla)
	gap + deadline > sla
	msg := concat("", [
		"its schedule ", lib.text(cronjob.schedule), " (up to ", format_int(gap, 10), " s between runs) plus activeDeadlineSeconds ",
		format_int(deadline, 10), " can leave data ", format_int(gap + deadline, 10), " s old, beyond the freshness SLA ", lib.text(source.freshnessSla),
	])
}
