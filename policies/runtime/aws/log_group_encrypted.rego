# METADATA
# title: Log groups are KMS-encrypted and expire
# description: >-
#   Log groups hold prompts, responses and audit records: each is encrypted with a KMS key and
#   expires (retentionInDays absent or 0 keeps records forever). When the runtime input carries
#   the spec, retention is at most the spec's longest log retention (data.retention.logsDays or
#   observability.audit.retentionDays), rounded up to the next period CloudWatch accepts.
# scope: package
# custom:
#   id: LLM-AWS-025
#   severity: medium
#   remediation: >-
#     Set kmsKeyId and retentionInDays on every log group.
#   frameworks:
#     aws-fsbp: ["CloudWatch.16"]
#     nist-ai-600-1: ["Data Privacy"]
package llmops.runtime.aws.log_group_encrypted

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-025", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/kmsKeyId"]), "resource": resource.urn} if {
	some [i, resource] in log_groups
	not lib.key_named(object.get(resource.props, "kmsKeyId", null))
	msg := concat("", ["log group ", lib.text(resource.name), " has no KMS key"])
}

deny contains {"id": "LLM-AWS-025", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/retentionInDays"]), "resource": resource.urn} if {
	some [i, resource] in log_groups
	not object.get(resource.props, "retentionInDays", 0) > 0
	msg := concat("", ["log group ", lib.text(resource.name), " keeps its records forever"])
}

deny contains {"id": "LLM-AWS-025", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/retentionInDays"]), "resource": resource.urn} if {
	some [i, resource] in log_groups
	days := resource.props.retentionInDays
	is_number(days)
	days > retention_ceiling
	msg := concat("", ["log group ", lib.text(resource.name), " keeps records ", format_int(days, 10), " days, longer than the spec allows (", format_int(retention_ceiling, 10), ")"])
}

log_groups contains [i, resource] if {
	some i, resource in input.resources
	resource.type == "aws:cloudwatch/logGroup:LogGroup"
}

# The spec's longest log retention (input.spec is the spec document), rounded up to a period
# CloudWatch accepts.
retention_ceiling := min([period |
	some period in data.llmops.params.cloudwatch_retention_days
	period >= spec_days
]) if {
	spec_days := max([
		object.get(input, ["spec", "spec", "data", "retention", "logsDays"], 0),
		object.get(input, ["spec", "spec", "observability", "audit", "retentionDays"], 0),
	])
	spec_days > 0
}
