package llmops.runtime.aws.opensearch_serverless_private_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.opensearch_serverless_private as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"public": {"input": fx.doc([fx.res("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", {"type": "network", "policy": "[{\"AllowFromPublic\":true}]"})]), "path": "/resources/0/props/policy"},
	"aws key": {"input": fx.doc([fx.res("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", {"type": "encryption", "policy": "{\"AWSOwnedKey\":true}"})]), "path": "/resources/0/props/policy"},
}

allowed_cases := {
	"private cmk": fx.doc([fx.res("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", {"type": "network", "policy": "[{\"AllowFromPublic\":false,\"SourceVPCEs\":[\"vpce-1\"]}]"}), fx.res("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", {"type": "encryption", "policy": "{\"AWSOwnedKey\":false,\"KmsARN\":\"k\"}"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-017", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
