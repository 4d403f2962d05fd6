package llmops.runtime.aws.opensearch_access_policy_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.opensearch_access_policy as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"domain open": {"input": fx.doc([fx.res("aws:opensearch/domain:Domain", {"accessPolicies": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"es:*\",\"Resource\":\"arn:aws:es:eu-west-1:123456789012:domain/d/*\"}]}"})]), "path": "/resources/0/props/accessPolicies"},
	"domain policy open to the internet by halves": {"input": fx.doc([fx.res("aws:opensearch/domainPolicy:DomainPolicy", {"domainName": "d", "accessPolicies": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "es:ESHttpGet", "Condition": {"IpAddress": {"aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"]}}}]}})]), "path": "/resources/0/props/accessPolicies"},
	"serverless star": {"input": fx.doc([fx.res("aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy", {"type": "data", "policy": "[{\"Rules\":[{\"ResourceType\":\"index\",\"Resource\":[\"index/c/*\"],\"Permission\":[\"aoss:*\"]}],\"Principal\":[\"arn:aws:iam::123456789012:role/reader\",\"*\"]}]"})]), "path": "/resources/0/props/policy"},
	"serverless every account": {"input": fx.doc([fx.res("aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy", {"type": "data", "policy": [{"Rules": [], "Principal": ["arn:aws:iam::*:role/reader"]}]})]), "path": "/resources/0/props/policy"},
}

allowed_cases := {
	"domain for one role": fx.doc([fx.res("aws:opensearch/domain:Domain", {"accessPolicies": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/reader"}, "Action": "es:ESHttpGet"}]}})]),
	"domain star from the office": fx.doc([fx.res("aws:opensearch/domainPolicy:DomainPolicy", {"accessPolicies": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "es:ESHttpGet", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}})]),
	"serverless named roles": fx.doc([fx.res("aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy", {"type": "data", "policy": [{"Rules": [], "Principal": ["arn:aws:iam::123456789012:role/reader"]}]})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-033", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
