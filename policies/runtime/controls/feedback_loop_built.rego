# METADATA
# title: The feedback review queue and its export to an evaluation dataset are built
# description: >-
#   With humanFeedback.reviewQueue enabled, feedback must reach people and come back as
#   evaluation data: a workload must serve the review queue behind a sign-in that admits only
#   the declared humanFeedback.accessRoles (oauth2-proxy --allowed-group values, each one
#   declared, at least one), and a CronJob must export reviewed items into the versioned
#   evaluation dataset (the collector's `export --dataset <name>`; the name is
#   humanFeedback.export.dataset, by default <metadata.name>-feedback). Applies to plans and
#   manifests that hold workloads (a stack whose feedback lives in a SaaS builds none).
# scope: package
# custom:
#   id: LLM-CTRL-022
#   severity: high
#   remediation: >-
#     Build the review queue and the export (the llmops FeedbackLoop component does, from
#     spec.humanFeedback), with one --allowed-group per declared access role, or disable the
#     review queue in the spec if no one reviews feedback.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 3.3", "MANAGE 4.1"]
#     eu-ai-act: ["Art. 14", "Art. 72"]
#     iso-42001: ["A.6.2.6"]
package llmops.runtime.controls.feedback_loop_built

import data.llmops.lib.runtime as lib

feedback := input.spec.spec.humanFeedback

enabled if {
	feedback.reviewQueue.enabled == true
	count(lib.pod_specs) > 0
}

dataset := object.get(feedback, ["export", "dataset"], concat("", [input.spec.metadata.name, "-feedback"]))

# oauth2-proxy flags: --allowed-group=x or --allowed-group x.
allowed_groups(container) := {group |
	args := array.concat(lib.as_list(object.get(container, "command", [])), lib.as_list(object.get(container, "args", [])))
	some k, arg in args
	some group in flag_values(args, k, arg, "--allowed-group")
}

flag_values(_, _, arg, flag) := {trim_prefix(arg, concat("", [flag, "="]))} if startswith(arg, concat("", [flag, "="]))

flag_values(args, k, arg, flag) := {args[k + 1]} if arg == flag

# Pods that run the review queue: the collector's `review` behind an oauth2-proxy, with its groups.
review_queues contains [i, pointer, groups] if {
	some [i, pointer, pod] in lib.pod_specs
	some review in object.get(pod, "containers", [])
	lib.as_list(object.get(review, "args", []))[0] == "review"
	groups := {group | some container in object.get(pod, "containers", []); some group in allowed_groups(container)}
}

exports contains i if {
	some i, resource in input.resources
	resource.type in {"kubernetes:batch/v1:CronJob", "kubernetes:batch/v1beta1:CronJob"}
	some container in object.get(resource.props, ["spec", "jobTemplate", "spec", "template", "spec", "containers"], [])
	args := lib.as_list(object.get(container, "args", []))
	args[0] == "export"
	some k, arg in args
	arg == "--dataset"
	args[k + 1] == dataset
}

deny contains {"id": "LLM-CTRL-022", "msg": msg, "path": "/spec/spec/humanFeedback/reviewQueue"} if {
	enabled
	count(review_queues) == 0
	msg := "the spec enables the feedback review queue, but no workload serves it (a `review` container behind a sign-in)"
}

deny contains {"id": "LLM-CTRL-022", "msg": msg, "path": pointer, "resource": urn} if {
	enabled
	some [i, pointer, groups] in review_queues
	count(groups) == 0
	urn := input.resources[i].urn
	msg := concat("", ["the feedback review queue in ", lib.text(input.resources[i].props.metadata.name), " admits anyone who signs in: no --allowed-group limits it to the declared roles"])
}

deny contains {"id": "LLM-CTRL-022", "msg": msg, "path": pointer, "resource": urn} if {
	enabled
	some [i, pointer, groups] in review_queues
	some group in groups
	urn := input.resources[i].urn
	not group in object.get(feedback, "accessRoles", [])
	msg := concat("", ["the feedback review queue in ", lib.text(input.resources[i].props.metadata.name), " admits role ", lib.text(group), ", which humanFeedback.accessRoles does not declare"])
}

deny contains {"id": "LLM-CTRL-022", "msg": msg, "path": "/spec/spec/humanFeedback/export"} if {
	enabled
	count(exports) == 0
	msg := concat("", ["the spec enables the feedback review queue, but no CronJob exports reviewed items into evaluation dataset ", lib.text(dataset)])
}
