package llmops.runtime.aws.log_group_encrypted_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.log_group_encrypted as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"unencrypted": {"input": fx.doc([fx.res("aws:cloudwatch/logGroup:LogGroup", {"retentionInDays": 30})]), "path": "/resources/0/props/kmsKeyId"},
	"empty key": {"input": fx.doc([fx.res("aws:cloudwatch/logGroup:LogGroup", {"kmsKeyId": " ", "retentionInDays": 30})]), "path": "/resources/0/props/kmsKeyId"},
	"never expires": {"input": fx.doc([fx.res("aws:cloudwatch/logGroup:LogGroup", {"kmsKeyId": "k", "retentionInDays": 0})]), "path": "/resources/0/props/retentionInDays"},
	"no retention": {"input": fx.doc([fx.res("aws:cloudwatch/logGroup:LogGroup", {"kmsKeyId": "k"})]), "path": "/resources/0/props/retentionInDays"},
	"longer than the spec": {"input": {"resources": [fx.res("aws:cloudwatch/logGroup:LogGroup", {"kmsKeyId": "k", "retentionInDays": 731})], "spec": {"spec": {"data": {"retention": {"logsDays": 90}}, "observability": {"audit": {"retentionDays": 365}}}}}, "path": "/resources/0/props/retentionInDays"},
}

allowed_cases := {
	"audit retention rounded up to a CloudWatch period": {"resources": [fx.res("aws:cloudwatch/logGroup:LogGroup", {"kmsKeyId": "k", "retentionInDays": 1096})], "spec": {"spec": {"data": {"retention": {"logsDays": 90}}, "observability": {"audit": {"retentionDays": 1095}}}}},
	"encrypted": fx.doc([fx.res("aws:cloudwatch/logGroup:LogGroup", {"kmsKeyId": "k", "retentionInDays": 365})]),
	"retention unknown during preview": {"resources": [fx.res("aws:cloudwatch/logGroup:LogGroup", {"kmsKeyId": "k", "retentionInDays": "<unknown during preview>"})], "spec": {"spec": {"data": {"retention": {"logsDays": 90}}}}},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-025", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
