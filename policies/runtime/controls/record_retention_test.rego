package llmops.runtime.controls.record_retention_test

import data.llmops.controls_fixtures_test as cx
import data.llmops.lib.testing
import data.llmops.runtime.controls.record_retention as check
import data.llmops.runtime_fixtures_test as fx

spec := {"spec": {"data": {"retention": {"promptsDays": 30, "responsesDays": 60, "logsDays": 90}}}}

# A record sink as the llmops RecordSink builds it, with `extra` args.
sink(extra) := fx.with_container({"name": "collector", "args": array.concat(["serve", "--kind", "audit", "--store", "/records"], extra)})

as_built := ["--retention-days", "400", "--prompt-retention-days", "30", "--response-retention-days", "60"]

sink_doc(extra) := {"resources": [sink(extra)], "spec": spec}

sink_pointer := "/resources/0/props/spec/template/spec/containers/0"

gateway_doc(settings) := {"resources": [cx.gateway_config(object.union(cx.config, {"general_settings": settings}))], "spec": spec}

invocations := fx.res("aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration", {"loggingConfig": {
	"textDataDeliveryEnabled": true,
	"cloudwatchConfig": {"logGroupName": "stack-monitoring-bedrock-invocations", "roleArn": "arn:aws:iam::123456789012:role/r"},
}})

log_group(props) := object.union(fx.res("aws:cloudwatch/logGroup:LogGroup", props), {"name": "stack-monitoring-bedrock-invocations"})

bedrock_doc(props) := {"resources": [invocations, log_group(props)], "spec": spec}

denied_cases := {
	"sink keeps prompts for its record retention": {"input": sink_doc(["--retention-days", "400", "--response-retention-days", "60"]), "path": sink_pointer},
	"sink keeps responses longer than declared": {"input": sink_doc(["--retention-days", "400", "--prompt-retention-days", "30", "--response-retention-days", "90"]), "path": sink_pointer},
	"sink without any retention keeps records forever": {"input": sink_doc(["--prompt-retention-days", "30"]), "path": sink_pointer},
	"spend logs store prompts without a retention period": {"input": gateway_doc({"store_prompts_in_spend_logs": true}), "path": "/resources/0/props/data/config.yaml"},
	"spend logs store prompts longer than declared": {"input": gateway_doc({"store_prompts_in_spend_logs": true, "maximum_spend_logs_retention_period": "31d"}), "path": "/resources/0/props/data/config.yaml"},
	"invocation logs kept a year": {"input": bedrock_doc({"retentionInDays": 365}), "path": "/resources/1/props/retentionInDays"},
	"invocation logs kept forever": {"input": bedrock_doc({"retentionInDays": 0}), "path": "/resources/1/props/retentionInDays"},
}

allowed_cases := {
	"sink as built": sink_doc(as_built),
	"sink keeping no text": sink_doc(["--retention-days", "400", "--prompt-retention-days", "0", "--response-retention-days", "0"]),
	"sink whose records expire first": sink_doc(["--retention-days", "14"]),
	"the collector's other subcommands": {"resources": [fx.with_container({"args": ["export", "--kind", "feedback", "--retention-days", "365"]})], "spec": spec},
	"no spec: nothing to tie to": {"resources": [sink([])]},
	"spend logs without prompts": gateway_doc({"disable_spend_logs": false}),
	"spend logs off": gateway_doc({"store_prompts_in_spend_logs": true, "disable_spend_logs": true}),
	"spend logs expiring in time": gateway_doc({"store_prompts_in_spend_logs": true, "maximum_spend_logs_retention_period": "720h"}),
	"invocation logs at the shorter retention": bedrock_doc({"retentionInDays": 30}),
	"invocation logs without text": {"resources": [object.union(invocations, {"props": {"loggingConfig": {"textDataDeliveryEnabled": false}}}), log_group({"retentionInDays": 365})], "spec": spec},
	"another log group": {"resources": [invocations, object.union(log_group({"retentionInDays": 365}), {"name": "flow-logs"})], "spec": spec},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-013", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

# Zero days (nothing kept) rounds up to CloudWatch's shortest period.
test_zero_days_rounds_to_one if {
	zero := {"spec": {"data": {"retention": {"promptsDays": 0, "responsesDays": 30}}}}
	count(check.deny) == 0 with input as {"resources": [invocations, log_group({"retentionInDays": 1})], "spec": zero}
	count(check.deny) == 1 with input as {"resources": [invocations, log_group({"retentionInDays": 3})], "spec": zero}
}

test_names_what_and_how_long if {
	found := check.deny with input as denied_cases["sink without any retention keeps records forever"].input
	{f.msg | some f in found} == {"record sink app keeps responses for ever, longer than spec.data.retention allows (60 days)"}
}
