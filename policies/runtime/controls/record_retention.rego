# METADATA
# title: Stores of prompts and responses expire them at the spec's retention
# description: >-
#   spec.data.retention limits how long prompts (promptsDays) and responses (responsesDays) are
#   kept. Every store that keeps them must expire them by then: a record sink of the llmops
#   collector (`serve`: --prompt-retention-days and --response-retention-days, else its
#   --retention-days, else forever), the LiteLLM gateway's spend logs when they store prompts
#   (general_settings.store_prompts_in_spend_logs, expired by maximum_spend_logs_retention_period,
#   else kept forever), and the CloudWatch log group Amazon Bedrock's model invocation logging
#   writes text to (retentionInDays, the smallest period CloudWatch accepts at or above the
#   shorter retention, at least 1 day; absent or 0 keeps them forever).
# scope: package
# custom:
#   id: LLM-CTRL-013
#   severity: medium
#   remediation: >-
#     Expire prompt and response text at data.retention: pass --prompt-retention-days and
#     --response-retention-days to the record collector (the llmops RecordSink does), set
#     maximum_spend_logs_retention_period on a gateway that stores prompts in its spend logs, and
#     set the invocation log group's retentionInDays (the llmops stack does).
#   frameworks:
#     nist-ai-600-1: ["Data Privacy"]
#     nist-ai-rmf: ["MEASURE 2.10"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.runtime.controls.record_retention

import data.llmops.lib.gateway
import data.llmops.lib.runtime as lib

retention := input.spec.spec.data.retention

# [what, flag of the collector, days the spec allows].
limits contains ["prompts", "--prompt-retention-days", retention.promptsDays] if is_number(retention.promptsDays)

limits contains ["responses", "--response-retention-days", retention.responsesDays] if is_number(retention.responsesDays)

# The shorter of the two: a store that keeps both together keeps them no longer than this.
shorter := min([days | some [_, _, days] in limits])

invocation(container) := array.concat(lib.as_list(object.get(container, "command", [])), lib.as_list(object.get(container, "args", [])))

# A record sink of the llmops collector keeps prompt or response text longer than declared.
deny contains {"id": "LLM-CTRL-013", "msg": msg, "path": pointer, "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	words := invocation(container)
	"serve" in words
	"--kind" in words
	some [what, flag, allowed] in limits
	kept := collector_days(words, flag)
	longer(kept, allowed)
	urn := input.resources[i].urn
	msg := sprintf("record sink %s keeps %s for %s, longer than spec.data.retention allows (%d days)", [sink_name(i), what, describe(kept), allowed])
}

# The gateway stores prompts and responses in its spend logs beyond the shorter retention.
deny contains {"id": "LLM-CTRL-013", "msg": msg, "path": gateway.config_pointer(i, key), "resource": urn} if {
	count(limits) > 0
	some [i, key, config] in gateway.litellm_configs
	settings := object.get(config, "general_settings", {})
	object.get(settings, "store_prompts_in_spend_logs", false) == true
	object.get(settings, "disable_spend_logs", false) != true
	kept := spend_log_seconds(object.get(settings, "maximum_spend_logs_retention_period", null))
	longer(kept, shorter * 86400)
	urn := input.resources[i].urn
	msg := sprintf(
		"gateway config %s stores prompts and responses in its spend logs for %s, longer than spec.data.retention allows (%d days)",
		[input.resources[i].props.metadata.name, describe_seconds(kept), shorter],
	)
}

# The log group Bedrock writes invocation text (prompts and responses) to keeps it too long.
deny contains {"id": "LLM-CTRL-013", "msg": msg, "path": concat("", [lib.resource_pointer(g), "/retentionInDays"]), "resource": urn} if {
	count(limits) > 0
	some logging in input.resources
	logging.type == "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration"
	config := object.get(logging.props, "loggingConfig", {})
	object.get(config, "textDataDeliveryEnabled", false) == true
	name := config.cloudwatchConfig.logGroupName
	some g, group in input.resources
	group.type == "aws:cloudwatch/logGroup:LogGroup"
	name in {object.get(group.props, "name", group.name), group.name, object.get(group, "id", "")}
	kept := log_group_days(group)
	longer(kept, cloudwatch_ceiling)
	urn := group.urn
	msg := sprintf(
		"log group %s keeps Bedrock invocation prompts and responses for %s, longer than spec.data.retention allows (%d days, %d as CloudWatch rounds it)",
		[lib.text(name), describe(kept), shorter, cloudwatch_ceiling],
	)
}

# Days the collector keeps the text: its own flag, else the record's retention, else forever (-1).
collector_days(words, flag) := flag_value(words, flag)

collector_days(words, flag) := flag_value(words, "--retention-days") if not has_flag(words, flag)

collector_days(words, flag) := -1 if {
	not has_flag(words, flag)
	not has_flag(words, "--retention-days")
}

has_flag(words, flag) if flag_value(words, flag) >= 0

flag_value(words, flag) := to_number(words[k + 1]) if {
	some k, word in words
	word == flag
	is_string(words[k + 1])
	regex.match(`^[0-9]{1,5}$`, words[k + 1])
}

longer(kept, _) if kept < 0

longer(kept, allowed) if kept > allowed

describe(kept) := "ever" if kept < 0

describe(kept) := sprintf("%d days", [kept]) if kept >= 0

sink_name(i) := lib.text(object.get(input.resources[i].props, ["metadata", "name"], input.resources[i].name))

# LiteLLM's duration forms: "7d", "24h", "60m", "3600s"; anything else (or none) never expires.
seconds_per_unit := {"d": 86400, "h": 3600, "m": 60, "s": 1}

spend_log_seconds(period) := to_number(substring(period, 0, count(period) - 1)) * seconds_per_unit[unit] if {
	is_string(period)
	regex.match(`^[0-9]{1,6}[dhms]$`, period)
	unit := substring(period, count(period) - 1, 1)
}

spend_log_seconds(period) := -1 if {
	not valid_period(period)
}

valid_period(period) if {
	is_string(period)
	regex.match(`^[0-9]{1,6}[dhms]$`, period)
}

describe_seconds(kept) := "ever" if kept < 0

describe_seconds(kept) := sprintf("%d seconds", [kept]) if kept >= 0

log_group_days(group) := group.props.retentionInDays if group.props.retentionInDays > 0

log_group_days(group) := -1 if not object.get(group.props, "retentionInDays", 0) > 0

cloudwatch_ceiling := min([period |
	some period in data.llmops.params.cloudwatch_retention_days
	period >= max([shorter, 1])
])
